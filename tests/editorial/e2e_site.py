"""A real site for the browser test: its own SQLite file, runserver and the task worker."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

PORTS = range(8401, 8410)
PASSWORD = "correct horse battery staple"  # the one UserFactory sets
ROOT = Path(__file__).resolve().parents[2]
SETUP = """
from django.contrib.auth.models import Group
from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from home.models import HomePage
from tests import factories
from wagtail.models import Collection

home = HomePage.objects.get(depth=2)
blog = factories.BlogIndexPageFactory(parent=home)
for name, group in [("secondee", SECONDEES), ("comms", COMMUNICATIONS)]:
    user = factories.UserFactory(username=name)
    user.groups.add(Group.objects.get(name=group))
factories.PersonFactory(name="Kim Min-jun")
factories.ImageFactory(title="Seoul skyline", collection=Collection.get_first_root_node())
print(blog.pk)
"""


def free_port(ports=PORTS):
    # Each xdist worker has ports of its own: two workers probing one range could both choose a
    # port before either server listens on it.
    offset = 100 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    ports = range(ports.start + offset, ports.stop + offset)
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"No free port in {ports.start}-{ports.stop - 1}")


def wait_for(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("The server stopped while starting")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError("The server did not start")


class LiveSite:
    def __init__(self, directory, setup=SETUP):
        self.setup = setup  # a shell script whose last line printed is a page id
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
            "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
            "MEDIA_ROOT": str(directory / "media"),
        }
        self.env.pop("REDIS_URL", None)
        self.log = open(directory / "site.log", "w")  # noqa: SIM115 (closed in stop)
        self.processes = []

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def start(self):
        self.manage("migrate", "--no-input", "-v0")
        self.blog_index_id = int(
            self.manage("shell", "-v0", "-c", self.setup).strip().splitlines()[-1]
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env["WAGTAILADMIN_BASE_URL"] = self.url
        for command in (
            ["runserver", f"127.0.0.1:{self.port}", "--noreload"],
            ["db_worker", "--no-reload", "--interval", "1"],
        ):
            self.processes.append(
                subprocess.Popen(
                    [sys.executable, "manage.py", *command],
                    cwd=ROOT,
                    env=self.env,
                    stdout=self.log,
                    stderr=subprocess.STDOUT,
                )
            )
        wait_for(self.port, self.processes[0])

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=20)
        self.log.close()
