"""
End to end against `make cluster` as documented (deploy/cluster.sh, its demo content included):
Varnish with xkey in front of two gunicorn app servers, PostgreSQL, Redis and a task worker.
Only the ports (0: each server's is read back, decision 0250), the database and Redis (the
harness's, on a Unix socket) are its own. Skipped only where Varnish or PostgreSQL is
missing (`make test` installs Varnish).
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from citynet.demo.live import wait_for_output
from tests.live.servers import RedisServer, has_varnish

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent  # the virtual environment running the tests
SETUP = """
from blog.models import BlogIndexPage
from tests import factories
blog = BlogIndexPage.objects.get(locale__language_code="en")
factories.UserFactory(username="e2e-admin", is_superuser=True)
pages = []
for title in ("Changing article", "Unrelated article"):
    article = factories.ArticlePageFactory(parent=blog, title=title)
    factories.ArticleAuthorFactory(article=article)
    article.save_revision().publish()
    pages.append(article.pk)
print(*pages)
"""

# Rows still in the outbox, and runs of apply_invalidation still queued: a retry may apply and
# remove a row while its own second run waits behind the search index updates, and that run
# purges its tags again when it comes.
PENDING_INVALIDATIONS = """
from django_tasks_db.models import DBTaskResult
from citynet.delivery.models import Invalidation
queued = DBTaskResult.objects.filter(
    task_path__startswith="citynet.delivery.invalidation.", status__in=["READY", "RUNNING"]
)
print(Invalidation.objects.count() + queued.count())
"""

pytestmark = [pytest.mark.cluster]


def has_postgres():
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", 5432)) == 0


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return response.headers, response.read()


# Printed once every server listens, with the ports they bound (deploy/cluster.sh).
STARTED = re.compile(
    r"CityNet cluster: (http://127\.0\.0\.1:\d+)/ .* app servers on ports (\d+) (\d+)"
)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not (has_varnish() and has_postgres()):
        pytest.skip("Varnish with xkey, or PostgreSQL, is not available here")
    directory = tmp_path_factory.mktemp("cluster")
    database = f"citynet_cluster_{os.getpid()}"
    redis = RedisServer(directory)
    redis.start()
    env = {
        **os.environ,
        "APP_PORTS": "0 0",
        "CLUSTER_DIR": str(directory),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "REDIS_URL": redis.url,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log_path = directory / "cluster.log"
    log = open(log_path, "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        ["make", "--no-print-directory", "cluster", "PORT=0", f"VENV={VENV}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        varnish, app_a, app_b = wait_for_output(log_path, STARTED, process, timeout=600).groups()
        site_env = {
            **os.environ,
            **dict(line.split("=", 1) for line in (directory / "env").read_text().splitlines()),
        }

        def manage(*args):
            command = [sys.executable, "manage.py", *args]
            return subprocess.run(
                command, cwd=ROOT, env=site_env, check=True, capture_output=True, text=True
            ).stdout

        changing, unrelated = map(int, manage("shell", "-v0", "-c", SETUP).split())
        token = manage("api_tokens", "create", "--user", "e2e-admin", "--name", "e2e").split()[-1]
        # The demo's and SETUP's own invalidations reach Varnish when the worker applies them
        # (decision 0155): let it catch up, or one of them may purge a copy a test just cached.
        deadline = time.monotonic() + 180
        while int(manage("shell", "-v0", "-c", PENDING_INVALIDATIONS)):
            assert time.monotonic() < deadline, "the worker did not apply the invalidations"
            time.sleep(1)
        yield {
            "varnish": varnish,
            "app_a": f"http://127.0.0.1:{app_a}",
            "app_b": f"app_{app_b}",
            "changing": changing,
            "unrelated": unrelated,
            "token": token,
        }
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        log.close()
        redis.stop()
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database],
            check=False,
        )


def title_through_varnish(cluster, pk):
    headers, body = get(f"{cluster['varnish']}/api/v2/pages/{pk}/")
    return json.loads(body)["title"], headers


def publish_on(base_url, token, pk, title):
    body = json.dumps({"meta": {"type": "blog.ArticlePage", "action": "publish"}, "title": title})
    request = urllib.request.Request(
        f"{base_url}/api/v3/pages/{pk}/",
        data=body.encode(),
        method="PATCH",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        assert response.status == 200


def test_a_publish_on_one_app_server_shows_through_varnish_from_the_other(cluster):
    for pk in (cluster["changing"], cluster["unrelated"]):
        title_through_varnish(cluster, pk)
        assert title_through_varnish(cluster, pk)[1]["X-Cache"] == "HIT"

    publish_on(cluster["app_a"], cluster["token"], cluster["changing"], "Changed article")
    published = time.monotonic()
    seen_from_b = False
    while time.monotonic() - published < 2 and not seen_from_b:
        title, headers = title_through_varnish(cluster, cluster["changing"])
        seen_from_b = title == "Changed article" and headers["X-Backend"] == cluster["app_b"]
        if not seen_from_b:
            # A fresh copy from app server A would be served to every later reader: purge it
            # so that the next miss goes to B, which must not have kept the old version either.
            time.sleep(0.1)
            if title == "Changed article":
                urllib.request.urlopen(  # noqa: S310 - loopback
                    urllib.request.Request(
                        f"{cluster['varnish']}/api/v2/pages/{cluster['changing']}/",
                        method="PURGE",
                    ),
                    timeout=5,
                )

    assert seen_from_b, "the change was not visible through Varnish from app server B in 2 s"
    assert title_through_varnish(cluster, cluster["unrelated"])[1]["X-Cache"] == "HIT"


def test_the_cluster_serves_the_demo_content_through_varnish(cluster):
    headers, body = get(f"{cluster['varnish']}/ko/blog/sharing-the-work-of-clean-water/")

    assert headers["X-Backend"].startswith("app_")
    assert "깨끗한 물" in body.decode()


def refused_token_status(cluster, client_address, token):
    """The status of a v3 request with a wrong token, sent through Varnish from client_address."""
    host, port = cluster["varnish"].removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), source_address=(client_address, 0))
    try:
        connection.request("GET", "/api/v3/whoami/", headers={"Authorization": f"Bearer {token}"})
        return connection.getresponse().status
    finally:
        connection.close()


def test_behind_varnish_each_client_is_throttled_at_its_own_address(cluster):
    """Varnish is the proxy the app trusts: one client's failures do not lock out another."""
    failures = [refused_token_status(cluster, "127.0.0.2", f"guess-{n}") for n in range(6)]

    assert failures[0] == 401 and failures[-1] == 429  # this client is locked out
    assert refused_token_status(cluster, "127.0.0.3", "another-client") == 401
