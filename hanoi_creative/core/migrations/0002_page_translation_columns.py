"""Give wagtailcore_page its per-language columns (title_vi, slug_en, ...) with indexes.

wagtail-modeltranslation adds these columns in its ``migrate`` command *after* all
migrations, without indexes. Adding them here means article lookup by the active language's
slug is an indexed query from the first migration on, and the pages Wagtail's own migrations
created (the root and the welcome page) get their Vietnamese fields filled instead of NULL.
The later sync in ``migrate`` then finds nothing left to add.
"""

from django.conf import settings
from django.db import migrations


def add_columns(apps, schema_editor):
    from modeltranslation.utils import build_localized_fieldname
    from wagtail.models import Page

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        existing = {col.name for col in connection.introspection.get_table_description(cursor, Page._meta.db_table)}
    for base in ("title", "slug", "url_path", "seo_title", "search_description"):
        for code, _name in settings.LANGUAGES:
            field = Page._meta.get_field(build_localized_fieldname(base, code))
            if field.column not in existing:
                schema_editor.add_field(Page, field)
    # Create the new columns' indexes now: on PostgreSQL the UPDATE below leaves deferred
    # foreign-key trigger events pending, and CREATE INDEX refuses to run while they are.
    for sql in schema_editor.deferred_sql:
        schema_editor.execute(sql)
    schema_editor.deferred_sql.clear()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    table = schema_editor.quote_name(Page._meta.db_table)
    for base in ("title", "slug", "url_path", "seo_title", "search_description"):
        column = schema_editor.quote_name(build_localized_fieldname(base, default))
        source = schema_editor.quote_name(base)
        schema_editor.execute(f"UPDATE {table} SET {column} = {source} WHERE {column} IS NULL")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_columns, migrations.RunPython.noop)]
