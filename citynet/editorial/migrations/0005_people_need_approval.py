from django.db import migrations

from citynet.editorial.roles import APPROVAL_WORKFLOW, COMMUNICATIONS

# Wagtail creates these after migrating (wagtail.snippets' post_migrate); create them now.
PERSON_RIGHTS = {"publish": "Can publish person", "lock": "Can lock person", "unlock": "Can unlock person"}


def people_need_approval(apps, schema_editor):
    """Person changes go through the articles' approval; only Communications publish (0125)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    person_type, _ = ContentType.objects.get_or_create(app_label="people", model="person")
    communications = Group.objects.filter(name=COMMUNICATIONS).first()
    for action, name in PERSON_RIGHTS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=person_type, codename=f"{action}_person", defaults={"name": name}
        )
        if communications:
            communications.permissions.add(permission)
    workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW, active=True).first()
    if workflow:
        WorkflowContentType.objects.update_or_create(
            content_type=person_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_retire_moderators_workflow"),
        ("people", "0003_drafts_revisions_and_workflow"),
    ]

    operations = [migrations.RunPython(people_need_approval, migrations.RunPython.noop)]
