"""
Webhook tasks, run by `manage.py db_worker` beside scheduled publishing (docs/webhooks.md).

`deliver` sends one delivery as soon as its transaction commits, and again at each retry time.
The deliveries themselves are rows, so nothing depends on a task surviving: a sweep every
minute (settings.PERIODIC_TASKS) sends whatever is overdue (a task lost with a killed worker, a
wiped task table) and prunes the log.
"""

from django.utils import timezone
from django_tasks import task

from .models import PRUNE_AFTER, Delivery
from .sending import attempt, lease


@task()
def deliver(delivery_id):
    record = attempt(delivery_id)
    if record and record.delivery.status == Delivery.Status.PENDING:  # to be tried again
        queue(delivery_id, run_after=record.delivery.next_attempt_at)
    return record.status_code if record else None


def queue(delivery_id, run_after=None):
    """Send a delivery now (once the change commits) or at `run_after`, its retry time."""
    if run_after is None:
        deliver.enqueue(delivery_id)
    elif deliver.get_backend().supports_defer:
        deliver.using(run_after=run_after).enqueue(delivery_id)


@task()
def sweep():
    return send_overdue(), prune()


def send_overdue(now=None):
    """Queue a send of each delivery still pending long after its time; returns how many.

    Anything more than a lease overdue has lost its task (a worker killed mid-send keeps the
    lease, then falls due here); younger ones still have a task waiting. Queued rather than
    sent here, so that a dead receiver cannot hold up the worker's other tasks.
    """
    now = now or timezone.now()
    overdue = Delivery.objects.due(now - lease()).order_by("next_attempt_at")
    pks = list(overdue.values_list("pk", flat=True)[:100])
    for pk in pks:
        queue(pk)
    return len(pks)


def prune(now=None):
    """Delete deliveries, and their attempts, older than 30 days and no longer pending."""
    cutoff = (now or timezone.now()) - PRUNE_AFTER
    old = Delivery.objects.filter(created_at__lt=cutoff).exclude(status=Delivery.Status.PENDING)
    return old.delete()[0]
