"""
Wagtail's first migrations put a "Moderators approval" workflow on the root page, for a
Moderators group that nobody here belongs to: home and partner pages submitted for approval
waited for ever. Approval is the Communications workflow on the sections that need it
(decision 0141); this retires the default one as Wagtail's own Workflow.deactivate() does.
"""

from django.db import migrations
from django.utils import timezone

DEFAULT_WORKFLOW = "Moderators approval"  # the name wagtailcore.0048 gives it


def retire_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True):
        waiting = WorkflowState.objects.filter(workflow=workflow, status="in_progress")
        TaskState.objects.filter(workflow_state__in=waiting, status="in_progress").update(
            status="cancelled", finished_at=timezone.now()
        )
        waiting.update(status="cancelled")
        workflow.workflow_pages.all().delete()
        workflow.workflow_content_types.all().delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
        Task.objects.filter(name=DEFAULT_WORKFLOW, workflow_tasks__workflow=workflow).update(
            active=False
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_translators"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(retire_default_workflow, migrations.RunPython.noop)]
