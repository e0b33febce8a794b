"""A "Translators" group that can reach the admin and the desk; editors and moderators may use
the desk too."""

from django.db import migrations

GROUP = "Translators"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="translations", model="translatableitem")
    desk, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="use_translation_desk",
        defaults={"name": "Can use the translation desk"},
    )
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    translators, _created = Group.objects.get_or_create(name=GROUP)
    translators.permissions.add(desk, access_admin)
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(desk)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
