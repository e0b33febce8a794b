"""Create the newsroom's roles (reporters, editors, translators) and the editorial workflow.

Also retires Wagtail's stock "Editors"/"Moderators" groups and "Moderators approval" workflow
when nobody uses them yet, so the admin shows one set of roles; the editorial workflow takes
over the root of the page tree (every section, so a translator's submission reaches editors).
"""

from django.db import migrations

STOCK_GROUPS = ("Editors", "Moderators")
STOCK_WORKFLOW = "Moderators approval"


def forwards(apps, schema_editor):
    from hanoi_creative.newsroom import setup

    setup._create_missing_permissions(apps)
    groups = setup.ensure_groups(apps)
    workflow = setup.ensure_workflow(apps, editors=groups["editors"])

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")

    root = Page.objects.filter(depth=1).first()
    stock = Workflow.objects.filter(name=STOCK_WORKFLOW).first()
    if root is not None:
        current = WorkflowPage.objects.filter(page=root).first()
        if current is None:
            WorkflowPage.objects.create(page=root, workflow=workflow)
        elif stock is not None and current.workflow_id == stock.pk:
            current.workflow = workflow
            current.save()
    if stock is not None and not WorkflowState.objects.filter(workflow=stock).exists():
        if not WorkflowPage.objects.filter(workflow=stock).exists():
            stock.active = False
            stock.save()
    for name in STOCK_GROUPS:
        Group.objects.filter(name=name, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
