"""The periodic tasks (settings.PERIODIC_TASKS) are started by the task worker, never by migrate."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_queue"),
]


@pytest.fixture
def database_queue():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        DBTaskResult.objects.all().delete()
        yield


def runs(status):
    return {
        path: DBTaskResult.objects.filter(task_path=path, status=status).count()
        for path in settings.PERIODIC_TASKS
    }


def test_migrating_starts_no_task():
    call_command("migrate", verbosity=0)

    assert not DBTaskResult.objects.exists()


def test_the_worker_runs_each_periodic_task_and_queues_its_next_run(monkeypatch):
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    started = timezone.now()

    for _ in range(2):  # a second worker finds the next runs waiting and adds none
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    assert runs(TaskResultStatus.SUCCESSFUL) == dict.fromkeys(settings.PERIODIC_TASKS, 1)
    assert runs(TaskResultStatus.READY) == dict.fromkeys(settings.PERIODIC_TASKS, 1)
    for path, seconds in settings.PERIODIC_TASKS.items():
        next_run = DBTaskResult.objects.get(task_path=path, status=TaskResultStatus.READY)
        assert next_run.run_after >= started + datetime.timedelta(seconds=seconds)
