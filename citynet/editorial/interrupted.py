"""
Tasks whose worker died while running them. django-tasks-db marks a task RUNNING when a worker
claims it and nothing ever releases it if that worker is killed (SIGKILL, out of memory, a lost
machine): the task would stay RUNNING, never to be run. Every task here takes seconds, so one
RUNNING for longer than INTERRUPTED_AFTER was interrupted; it goes back to the queue to run again
(each is safe to repeat: publishing what is due, reindexing, purging). Decision 0077.
"""

import datetime

from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

INTERRUPTED_AFTER = datetime.timedelta(minutes=15)


def requeue_interrupted_tasks(older_than=INTERRUPTED_AFTER):
    """Put tasks RUNNING for longer than `older_than` back in the queue; returns how many."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lte=timezone.now() - older_than
    ).update(status=TaskResultStatus.READY, started_at=None)
