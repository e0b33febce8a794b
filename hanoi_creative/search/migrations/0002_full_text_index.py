"""Full-text index for each database.

PostgreSQL: the ``unaccent`` extension (enabled before anything that needs ``pg_trgm``), a
``hc_unaccent`` text-search configuration copied from ``simple`` that strips accents from words
(``english`` stems and drops Vietnamese syllables it does not know, and keeps accents), and a
weighted ``search_vector`` column (title A, body B) generated from the text, with a GIN index.

SQLite: an FTS5 table over the ASCII-folded copies, kept in step by triggers. FTS5's own
diacritic removal does not map "đ" to "d", hence the folded copies.
"""

from django.db import migrations

# ASCII punctuation, as ranges that mean the same under every collation.
PUNCTUATION = "[!-/:-@[-`{-~]+"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'hc_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION hc_unaccent (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION hc_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END $$
    """,
    # Generated from the stored text, so rows written any way (bulk loads, fixtures, restored test
    # data) are searchable. ASCII punctuation becomes a space first so the parser sees plain words,
    # as the SQLite side does: "31/10/2019" is three words, not one file path.
    f"""
    ALTER TABLE site_search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('hc_unaccent'::regconfig, regexp_replace(title, '{PUNCTUATION}', ' ', 'g')), 'A')
        || setweight(to_tsvector('hc_unaccent'::regconfig, regexp_replace(body, '{PUNCTUATION}', ' ', 'g')), 'B')
    ) STORED
    """,
    "CREATE INDEX site_search_vector_gin ON site_search_searchdocument USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS site_search_vector_gin",
    "ALTER TABLE site_search_searchdocument DROP COLUMN IF EXISTS search_vector",
    # The configuration and the extension stay: Wagtail's own search backend may use them.
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE site_search_fts USING fts5(
        title_folded, body_folded,
        content='site_search_searchdocument', content_rowid='id'
    )
    """,
    """
    CREATE TRIGGER site_search_fts_insert AFTER INSERT ON site_search_searchdocument BEGIN
        INSERT INTO site_search_fts(rowid, title_folded, body_folded)
        VALUES (new.id, new.title_folded, new.body_folded);
    END
    """,
    """
    CREATE TRIGGER site_search_fts_delete AFTER DELETE ON site_search_searchdocument BEGIN
        INSERT INTO site_search_fts(site_search_fts, rowid, title_folded, body_folded)
        VALUES ('delete', old.id, old.title_folded, old.body_folded);
    END
    """,
    """
    CREATE TRIGGER site_search_fts_update AFTER UPDATE ON site_search_searchdocument BEGIN
        INSERT INTO site_search_fts(site_search_fts, rowid, title_folded, body_folded)
        VALUES ('delete', old.id, old.title_folded, old.body_folded);
        INSERT INTO site_search_fts(rowid, title_folded, body_folded)
        VALUES (new.id, new.title_folded, new.body_folded);
    END
    """,
    # Rows written before this migration (none on a fresh database) join the index.
    "INSERT INTO site_search_fts(site_search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS site_search_fts_update",
    "DROP TRIGGER IF EXISTS site_search_fts_delete",
    "DROP TRIGGER IF EXISTS site_search_fts_insert",
    "DROP TABLE IF EXISTS site_search_fts",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
