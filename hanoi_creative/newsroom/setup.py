"""Create and top up the newsroom's groups, permissions and editorial workflow.

The same functions run in the data migration (with historical models) and after every
``migrate`` (with the real ones), so a new database gets the roles from its migrations and an
existing one picks up permissions of models added later (the news snippets, for example).
Everything here is idempotent: it only adds what is missing.
"""

from django.apps import apps as global_apps
from django.db import transaction

from . import roles


def _create_missing_permissions(apps):
    from django.contrib.auth.management import create_permissions

    historical = apps is not global_apps
    for app_config in apps.get_app_configs():
        stub = historical and getattr(app_config, "models_module", None) is None
        if stub:
            # Historical app configs have no models module; create_permissions skips those.
            app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            if stub:
                app_config.models_module = None


def _permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _page_permission(apps, codename):
    return _permission(apps, f"wagtailcore.{codename}")


def ensure_groups(apps=global_apps):
    """The three groups with their model and collection permissions; returns {role: group}."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    groups = {}
    root_collection = Collection.objects.filter(depth=1).first()
    root_page = Page.objects.filter(depth=1).first()
    for role, name in roles.GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[role] = group
        wanted = [p for p in (_permission(apps, d) for d in roles.MODEL_PERMISSIONS[role]) if p]
        group.permissions.add(*wanted)
        if root_collection is not None:
            for dotted in roles.COLLECTION_PERMISSIONS[role]:
                permission = _permission(apps, dotted)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
        if root_page is not None:
            for codename in roles.ROOT_PAGE_PERMISSIONS.get(role, []):
                permission = _page_permission(apps, codename)
                if permission:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=root_page, permission=permission
                    )
    return groups


def ensure_workflow(apps=global_apps, editors=None):
    """The "Duyệt bài / Editorial review" workflow: one task, approved by the editors."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")

    editors = editors or Group.objects.get(name=roles.group_name(roles.EDITORS))
    workflow, _created = Workflow.objects.get_or_create(name=roles.WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=roles.TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=roles.TASK_NAME, active=True, content_type=content_type)
        task.groups.add(editors)
    if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    return workflow


def ensure_news_section(page, apps=global_apps):
    """Reporters may write in this news section, and its articles go through editorial review."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    for role, codenames in roles.NEWS_SECTION_PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=roles.group_name(role)).first()
        if group is None:
            continue
        for codename in codenames:
            permission = _page_permission(apps, codename)
            if permission:
                GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)
    workflow = Workflow.objects.filter(name=roles.WORKFLOW_NAME).first()
    if workflow is not None and not WorkflowPage.objects.filter(page_id=page.pk).exists():
        WorkflowPage.objects.create(page_id=page.pk, workflow=workflow)


def news_index_model():
    """The news section's page model, or None while the news app has no such model."""
    try:
        return global_apps.get_model("news", "NewsIndexPage")
    except LookupError:
        return None


def ensure_newsroom(apps=global_apps, create_permissions=True):
    with transaction.atomic():
        if create_permissions:
            _create_missing_permissions(apps)
        groups = ensure_groups(apps)
        ensure_workflow(apps, editors=groups[roles.EDITORS])
        news_index = news_index_model() if apps is global_apps else None
        if news_index is not None:
            for page in news_index.objects.all():
                ensure_news_section(page)


def ensure_newsroom_after_migrate(sender, using="default", **kwargs):
    # Connected for this app only; ensure_newsroom creates any permission the apps after it in
    # INSTALLED_APPS have not had created yet, so the order of post_migrate handlers is moot.
    if using == "default":
        ensure_newsroom()


def news_index_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        ensure_news_section(instance)
