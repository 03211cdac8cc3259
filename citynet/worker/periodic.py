"""
The periodic tasks, declared in one place (settings.PERIODIC_TASKS: task path → seconds between
runs). The worker queues a run of each as it starts (management/commands/db_worker.py); each
run, whether it succeeds or fails, queues the next. Nothing else starts them: not `migrate`,
not the tasks themselves (decision 0226).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def enqueue_unless_waiting(task, seconds):
    """
    Queue `task` to run in `seconds` unless a run of it is already waiting: a periodic task's
    next run, or a retry asked for again. Backends that cannot defer (tests' immediate one) skip.
    """
    if not task.get_backend().supports_defer:
        return
    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
    if not waiting.exists():
        run_after = timezone.now() + datetime.timedelta(seconds=seconds)
        task.using(run_after=run_after).enqueue()


def start_periodic_tasks():
    """A first run of each periodic task, now, unless one is waiting: the worker starts them."""
    for path in settings.PERIODIC_TASKS:
        enqueue_unless_waiting(import_string(path), 0)


def queue_next_run(sender, task_result, **kwargs):
    """After a run of a periodic task (django_tasks' task_finished), its next one."""
    seconds = settings.PERIODIC_TASKS.get(task_result.task.module_path)
    if seconds is not None:
        enqueue_unless_waiting(task_result.task, seconds)
