from django.db import migrations

# The task that built snapshots is gone with them (decision 0285): its waiting runs would fail.
BUILD_TASK = "citynet.delivery.snapshots.build_snapshots"


def drop_waiting_builds(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=BUILD_TASK, status="READY").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("delivery", "0003_snapshot_version"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(drop_waiting_builds, migrations.RunPython.noop),
        migrations.RemoveField(model_name="snapshottag", name="snapshot"),
        migrations.DeleteModel(name="PageSnapshot"),
        migrations.DeleteModel(name="SnapshotTag"),
    ]
