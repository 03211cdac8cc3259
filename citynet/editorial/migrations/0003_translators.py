from django.contrib.auth.management import create_permissions
from django.db import migrations

from citynet.editorial.roles import COMMUNICATIONS, SECONDEES


def grant_translation(apps, schema_editor):
    """Both roles may start and sync translations; what of, is decided per object (0120)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for group in Group.objects.filter(name__in=[SECONDEES, COMMUNICATIONS]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_workflow"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant_translation, migrations.RunPython.noop)]
