"""
A worker killed (SIGKILL) in the middle of a task: django-tasks-db leaves the task RUNNING for
ever; the heartbeat (and `manage.py requeue_interrupted_tasks`) queue it again, and the next
worker runs it to the end. The test runs a real worker on its own SQLite file.
"""

import signal
import time

import pytest

from citynet.demo.live import LocalSite

pytestmark = pytest.mark.e2e

STATUS = (
    "from django_tasks_db.models import DBTaskResult; "
    "print(DBTaskResult.objects.get(task_path='tests.security.tasks.slow_once').status)"
)


@pytest.fixture
def site(tmp_path, migrated_database):
    site = LocalSite(tmp_path)
    migrated_database(site)
    yield site
    site.stop()


def test_a_task_interrupted_by_a_killed_worker_runs_again(tmp_path, site):
    site.shell(f"from tests.security.tasks import slow_once; slow_once.enqueue({str(tmp_path)!r})")
    worker = site.start_worker("--interval", "0.2", "--queue-name", "default")
    deadline = time.monotonic() + 120
    while not (tmp_path / "attempts").exists():
        assert time.monotonic() < deadline, "the worker never started the task"
        assert worker.poll() is None, "the worker stopped by itself"
        time.sleep(0.2)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)

    assert site.shell(STATUS) == "RUNNING"  # stuck: no worker will take it

    assert "1 interrupted task(s) queued again" in site.manage(
        "requeue_interrupted_tasks", "--older-than", "0"
    )
    site.manage("db_worker", "--no-reload", "--batch", "--interval", "0.2")

    assert site.shell(STATUS) == "SUCCESSFUL"
    assert (tmp_path / "done").read_text() == "done"
    assert (tmp_path / "attempts").read_text() == "xx"
