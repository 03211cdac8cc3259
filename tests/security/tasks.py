"""A task for the worker-killed test: its first run hangs (and is killed), a second run finishes."""

from pathlib import Path

from django_tasks import task


@task()
def slow_once(folder):
    attempts = Path(folder) / "attempts"
    attempts.write_text(attempts.read_text() + "x" if attempts.exists() else "x")
    if attempts.read_text() == "x":
        import time

        time.sleep(600)  # the worker is killed during this
    (Path(folder) / "done").write_text("done")
    return "done"
