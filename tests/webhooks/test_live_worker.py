"""
The real thing: `manage.py db_worker` in its own process on a SQLite file, a receiver on
loopback. A scheduled go-live arrives signed; a worker killed and started again sends what was
waiting.
"""

import json
import signal
import time

import pytest
from standardwebhooks.webhooks import Webhook

from citynet.demo.live import LocalSite

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


@pytest.fixture
def site(tmp_path, migrated_database):
    site = LocalSite(tmp_path)
    migrated_database(site)
    site.shell(SETUP)
    yield site
    site.stop()


def wait_for(receiver, count, timeout=60):
    deadline = time.monotonic() + timeout
    while len(receiver.requests) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(receiver.requests) == count, f"{len(receiver.requests)} of {count} received"


def test_go_live_arrives_and_a_restarted_worker_sends_what_waited(site, receiver):
    secret = json.loads(site.manage("webhooks", "add", receiver.url, "--events", "all", "--json"))[
        "secret"
    ]
    worker = site.start_worker("--interval", "1")
    go_live = float(site.shell(PUBLISH.format(title="Planned ahead", delay=4)))

    wait_for(receiver, 1)
    went_live = receiver.requests[0]
    payload = Webhook(secret).verify(went_live["body"], went_live["headers"])
    assert payload["type"] == "page.scheduled_published"
    assert payload["data"]["title"] == "Planned ahead"
    print(f"go-live to receipt: {went_live['received_at'] - go_live:.2f} s")

    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=20)
    site.shell(PUBLISH.format(title="While the worker was down", delay=0))
    assert len(receiver.requests) == 1  # nobody to send it

    site.start_worker("--interval", "1")
    wait_for(receiver, 2)
    payload = Webhook(secret).verify(receiver.requests[1]["body"], receiver.requests[1]["headers"])
    assert payload["type"] == "page.published"
    assert payload["data"]["title"] == "While the worker was down"
