"""
Background tasks for scheduled publishing, run by `manage.py db_worker`.

A wake-up task is queued for the exact time of each go-live and expiry, so changes apply within
the worker's polling interval (1 s). A heartbeat every 30 s catches anything else
that is due: pages scheduled before the worker existed, wake-ups lost with a wiped task table.
Wake-ups that fell due while no worker ran are picked up as soon as one starts. The heartbeat
also queues again the retry of cache invalidations, should it have been lost with a killed
worker (citynet/delivery/invalidation.py). The heartbeat is a periodic task: the worker starts
it and each run queues the next (settings.PERIODIC_TASKS, citynet/worker).
"""

from django_tasks import task

from citynet.delivery.invalidation import FIRST_PRIORITY, retry_waiting_invalidations

from .interrupted import requeue_interrupted_tasks
from .scheduling import apply_due_changes


# A go-live or expiry is due at its time: ahead of the purges and index updates queued before
# it, which a hanging CDN or a bulk import can make minutes long.
@task(priority=FIRST_PRIORITY + 10)
def apply_scheduled_changes():
    return apply_due_changes()


@task()
def heartbeat():
    requeue_interrupted_tasks()
    retry_waiting_invalidations()
    return apply_due_changes()


def wake_up_at(when):
    """Queue a run of the scheduler for `when`, if the task backend can defer tasks."""
    if apply_scheduled_changes.get_backend().supports_defer:
        apply_scheduled_changes.using(run_after=when).enqueue()
