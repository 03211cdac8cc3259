"""
A worker killed (SIGKILL) in the middle of a task: django-tasks-db leaves the task RUNNING for
ever; the heartbeat (and `manage.py requeue_interrupted_tasks`) queue it again, and the next
worker runs it to the end. The test runs a real worker on its own SQLite file.
"""

import os
import signal
import subprocess
import sys
import time

import pytest

from citynet.demo.live import ROOT
from tests.security.servers import site_command

pytestmark = pytest.mark.e2e

STATUS = (
    "from django_tasks_db.models import DBTaskResult; "
    "print(DBTaskResult.objects.get(task_path='tests.security.tasks.slow_once').status)"
)


def test_a_task_interrupted_by_a_killed_worker_runs_again(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop("REDIS_URL", None)

    manage = site_command(env)

    manage("migrate", "--no-input", "-v0")
    manage(
        "shell",
        "-v0",
        "-c",
        f"from tests.security.tasks import slow_once; slow_once.enqueue({str(tmp_path)!r})",
    )
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--interval",
            "0.2",
            "--queue-name",
            "default",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not (tmp_path / "attempts").exists():
        assert time.monotonic() < deadline, "the worker never started the task"
        assert worker.poll() is None, "the worker stopped by itself"
        time.sleep(0.2)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)

    assert manage("shell", "-v0", "-c", STATUS) == "RUNNING"  # stuck: no worker will take it

    assert "1 interrupted task(s) queued again" in manage(
        "requeue_interrupted_tasks", "--older-than", "0"
    )
    manage("db_worker", "--no-reload", "--batch", "--interval", "0.2")

    assert manage("shell", "-v0", "-c", STATUS) == "SUCCESSFUL"
    assert (tmp_path / "done").read_text() == "done"
    assert (tmp_path / "attempts").read_text() == "xx"
