"""An index for the main menu's query on Wagtail's page table.

The menu asks for the live, in-menu children of the home page (``depth`` and a ``path`` range).
Without this index the ``path`` range covers every page below the home page, 100,000 articles
included; this partial index holds only the few live pages shown in menus, so the menu costs
the same whatever the size of the archive. Wagtail's model belongs to Wagtail, hence raw SQL
(the same statement works on PostgreSQL and SQLite).
"""

from django.db import migrations

INDEX = "core_page_menu_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_page_translation"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path) "
            "WHERE live AND show_in_menus",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
