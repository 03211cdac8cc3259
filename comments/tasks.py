"""
Removing commenters' IP addresses once they no longer help against abuse, on the database task
queue that scheduled publishing uses (decision 0041): a daily task that queues its next run.
"""

import datetime

from django.utils import timezone
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import ReaderComment

IP_RETENTION = datetime.timedelta(days=30)
CLEANUP_INTERVAL = datetime.timedelta(days=1)


def forget_old_ip_addresses(now=None):
    """Clear the IP address of every comment older than IP_RETENTION; returns how many."""
    cutoff = (now or timezone.now()) - IP_RETENTION
    old = ReaderComment.objects.filter(created_at__lt=cutoff, ip_address__isnull=False)
    return old.update(ip_address=None)


@task()
def forget_ip_addresses():
    try:
        return forget_old_ip_addresses()
    finally:
        schedule_ip_cleanup()


def schedule_ip_cleanup():
    """Queue the next daily run unless one is already waiting (needs a deferring backend)."""
    if not forget_ip_addresses.get_backend().supports_defer:
        return
    waiting = DBTaskResult.objects.filter(
        task_path=forget_ip_addresses.module_path, status=TaskResultStatus.READY
    )
    if not waiting.exists():
        run_after = timezone.now() + CLEANUP_INTERVAL
        forget_ip_addresses.using(run_after=run_after).enqueue()
