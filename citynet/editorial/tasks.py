"""
Background tasks for scheduled publishing, run by `manage.py db_worker`.

A wake-up task is queued for the exact time of each go-live and expiry, so changes apply within
the worker's polling interval (1 s). A heartbeat every HEARTBEAT_SECONDS catches anything else
that is due: pages scheduled before the worker existed, wake-ups lost with a wiped task table.
Wake-ups that fell due while no worker ran are picked up as soon as one starts. The heartbeat
also queues again the retry of cache invalidations, should it have been lost with a killed
worker (citynet/delivery/invalidation.py).
"""

import datetime

from django.utils import timezone
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .interrupted import requeue_interrupted_tasks
from .scheduling import apply_due_changes

HEARTBEAT_SECONDS = 30


@task()
def apply_scheduled_changes():
    return apply_due_changes()


@task()
def heartbeat():
    from citynet.delivery.invalidation import retry_waiting_invalidations

    try:
        requeue_interrupted_tasks()
        retry_waiting_invalidations()
        return apply_due_changes()
    finally:
        schedule_heartbeat()


def wake_up_at(when):
    """Queue a run of the scheduler for `when`, if the task backend can defer tasks."""
    if apply_scheduled_changes.get_backend().supports_defer:
        apply_scheduled_changes.using(run_after=when).enqueue()
        schedule_heartbeat()


def schedule_heartbeat():
    """Queue the next heartbeat unless one is already waiting."""
    enqueue_unless_waiting(heartbeat, HEARTBEAT_SECONDS)


def enqueue_unless_waiting(task, seconds):
    """
    Queue `task` to run in `seconds` unless a run of it is already waiting: how a periodic task
    renews itself on the database queue. Backends that cannot defer (tests' immediate one) skip.
    """
    if not task.get_backend().supports_defer:
        return
    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
    if not waiting.exists():
        run_after = timezone.now() + datetime.timedelta(seconds=seconds)
        task.using(run_after=run_after).enqueue()
