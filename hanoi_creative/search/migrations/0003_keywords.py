"""Keywords (category, tag and author names) join the full-text index, weighted below the title.

PostgreSQL: ``search_vector`` is generated again with the keywords at weight C (title A, body B).
SQLite: the FTS5 table gets a third column. The table and its triggers are dropped before the new
columns are added (adding a column may rebuild the documents table, which drops its triggers) and
created again afterwards, then refilled from the documents.
"""

from django.db import migrations, models

# ASCII punctuation, as ranges that mean the same under every collation (as in 0002).
PUNCTUATION = "[!-/:-@[-`{-~]+"

DROP = {
    "postgresql": [
        "DROP INDEX IF EXISTS site_search_vector_gin",
        "ALTER TABLE site_search_searchdocument DROP COLUMN IF EXISTS search_vector",
    ],
    "sqlite": [
        "DROP TRIGGER IF EXISTS site_search_fts_update",
        "DROP TRIGGER IF EXISTS site_search_fts_delete",
        "DROP TRIGGER IF EXISTS site_search_fts_insert",
        "DROP TABLE IF EXISTS site_search_fts",
    ],
}


def create(weights):
    """Statements creating the index over ``weights``: (text column, PostgreSQL weight) pairs."""
    vector = " || ".join(
        f"setweight(to_tsvector('hc_unaccent'::regconfig, regexp_replace({column}, '{PUNCTUATION}', ' ', 'g')), "
        f"'{weight}')"
        for column, weight in weights
    )
    folded = [f"{column}_folded" for column, _weight in weights]
    columns = ", ".join(folded)
    new = ", ".join(f"new.{column}" for column in folded)
    old = ", ".join(f"old.{column}" for column in folded)
    return {
        "postgresql": [
            f"ALTER TABLE site_search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED",
            "CREATE INDEX site_search_vector_gin ON site_search_searchdocument USING gin (search_vector)",
        ],
        "sqlite": [
            f"CREATE VIRTUAL TABLE site_search_fts USING fts5({columns}, "
            "content='site_search_searchdocument', content_rowid='id')",
            f"""CREATE TRIGGER site_search_fts_insert AFTER INSERT ON site_search_searchdocument BEGIN
                INSERT INTO site_search_fts(rowid, {columns}) VALUES (new.id, {new});
            END""",
            f"""CREATE TRIGGER site_search_fts_delete AFTER DELETE ON site_search_searchdocument BEGIN
                INSERT INTO site_search_fts(site_search_fts, rowid, {columns}) VALUES ('delete', old.id, {old});
            END""",
            f"""CREATE TRIGGER site_search_fts_update AFTER UPDATE ON site_search_searchdocument BEGIN
                INSERT INTO site_search_fts(site_search_fts, rowid, {columns}) VALUES ('delete', old.id, {old});
                INSERT INTO site_search_fts(rowid, {columns}) VALUES (new.id, {new});
            END""",
            "INSERT INTO site_search_fts(site_search_fts) VALUES ('rebuild')",
        ],
    }


BEFORE = create([("title", "A"), ("body", "B")])
AFTER = create([("title", "A"), ("body", "B"), ("keywords", "C")])


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("site_search", "0002_full_text_index")]

    operations = [
        migrations.RunPython(run(DROP), run(BEFORE)),
        migrations.AddField(
            model_name="searchdocument",
            name="keywords",
            field=models.TextField(blank=True, default="", verbose_name="keywords"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="keywords_folded",
            field=models.TextField(blank=True, default=""),
            preserve_default=False,
        ),
        migrations.RunPython(run(AFTER), run(DROP)),
    ]
