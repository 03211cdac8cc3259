from django.contrib.auth.management import create_permissions
from django.db import migrations

from citynet.editorial.roles import COMMUNICATIONS, SECONDEES

# The Communications team moderates every reader comment and edits the comment settings;
# Secondment staff see (and reply to) the comments on their own pages.
RIGHTS = {
    COMMUNICATIONS: [
        "view_readercomment",
        "change_readercomment",
        "delete_readercomment",
        "change_readercommentsettings",
    ],
    SECONDEES: ["view_readercomment"],
}


def grant(apps, schema_editor):
    # Model permissions are normally created after the last migration; create them now.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=RIGHTS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="comments", codename__in=RIGHTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_reader_comments"),
        ("editorial", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
