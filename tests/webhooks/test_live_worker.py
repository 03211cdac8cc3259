"""
The real thing: `manage.py db_worker` in its own process on a SQLite file, a receiver on
loopback. A scheduled go-live arrives signed; a worker killed and started again sends what was
waiting.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from standardwebhooks.webhooks import Webhook

ROOT = Path(__file__).resolve().parents[2]
SETUP = """
from home.models import HomePage
from tests import factories
factories.BlogIndexPageFactory(parent=HomePage.objects.get(depth=2))
"""
PUBLISH = """
import datetime
from django.utils import timezone
from blog.models import BlogIndexPage
from tests import factories
page = factories.ArticlePageFactory(parent=BlogIndexPage.objects.get(), live=False, title={title!r})
page.go_live_at = timezone.now() + datetime.timedelta(seconds={delay})
page.save_revision().publish()
print(page.go_live_at.timestamp())
"""


class Site:
    def __init__(self, directory):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
            "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
            "MEDIA_ROOT": str(directory / "media"),
        }
        self.env.pop("REDIS_URL", None)
        self.log = directory / "worker.log"
        self.worker = None

    def manage(self, *args):
        command = [sys.executable, "manage.py", *args]
        result = subprocess.run(
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def shell(self, code):
        return self.manage("shell", "-v", "0", "-c", code)

    def start_worker(self):
        with open(self.log, "a") as log:
            self.worker = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "1"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill_worker(self):
        self.worker.send_signal(signal.SIGKILL)
        self.worker.wait(timeout=20)


@pytest.fixture
def site(tmp_path):
    site = Site(tmp_path)
    site.manage("migrate", "--no-input", "-v", "0")
    site.shell(SETUP)
    yield site
    if site.worker and site.worker.poll() is None:
        site.worker.terminate()
        site.worker.wait(timeout=20)


def wait_for(receiver, count, timeout=60):
    deadline = time.monotonic() + timeout
    while len(receiver.requests) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(receiver.requests) == count, f"{len(receiver.requests)} of {count} received"


def test_go_live_arrives_and_a_restarted_worker_sends_what_waited(site, receiver):
    secret = json.loads(site.manage("webhooks", "add", receiver.url, "--events", "all", "--json"))[
        "secret"
    ]
    site.start_worker()
    go_live = float(site.shell(PUBLISH.format(title="Planned ahead", delay=4)))

    wait_for(receiver, 1)
    went_live = receiver.requests[0]
    payload = Webhook(secret).verify(went_live["body"], went_live["headers"])
    assert payload["type"] == "page.scheduled_published"
    assert payload["data"]["title"] == "Planned ahead"
    print(f"go-live to receipt: {went_live['received_at'] - go_live:.2f} s")

    site.kill_worker()
    site.shell(PUBLISH.format(title="While the worker was down", delay=0))
    assert len(receiver.requests) == 1  # nobody to send it

    site.start_worker()
    wait_for(receiver, 2)
    payload = Webhook(secret).verify(receiver.requests[1]["body"], receiver.requests[1]["headers"])
    assert payload["type"] == "page.published"
    assert payload["data"]["title"] == "While the worker was down"
