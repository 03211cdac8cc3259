"""
Database down and back: the test runs the site on its own throwaway PostgreSQL cluster, stops
the database mid-test, and starts it again. Readers get a 503 with Retry-After (a page, or JSON
on the APIs), the admin says what is wrong, and the site recovers by itself with nothing lost.
"""

import json
import urllib.error
import urllib.request

import pytest

from citynet.demo.live import LocalSite
from tests.live.servers import PostgresServer

pytestmark = pytest.mark.e2e

COUNT_PAGES = "from wagtail.models import Page; print(Page.objects.count())"


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database = PostgresServer()
    database.init()
    database.start()
    site = LocalSite(
        tmp_path_factory.mktemp("db-outage"),
        DATABASE_URL=database.url,
        DJANGO_SETTINGS_MODULE="citynet.settings.test",
    )
    try:
        # A cluster of its own has no copy of the test run's database: the one migration here.
        site.migrate()
        site.serve()
        site.database = database
        yield site
    finally:
        site.stop()
        database.remove()


def test_readers_and_editors_are_told_and_the_site_recovers(site):
    database, url = site.database, site.url
    assert get(f"{url}/api/v2/pages/?limit=1")[0] == 200
    pages_before = site.shell(COUNT_PAGES)

    database.stop()

    for path in ("/en/", "/sitemap.xml", "/feeds/articles/"):
        status, headers, body = get(url + path)
        assert status == 503, path
        assert headers["Retry-After"] == "30"
        assert "no-store" in headers["Cache-Control"]
        assert "try again" in body
    for path in ("/api/v2/pages/?limit=2", "/api/v3/pages/"):
        status, headers, body = get(url + path)
        assert status == 503, path
        assert headers["Content-Type"] == "application/problem+json"
        assert json.loads(body)["status"] == 503
    status, headers, body = get(f"{url}/admin/login/")
    assert status == 503
    assert "cannot reach its database" in body and "nothing from this request was saved" in body

    database.start()

    assert get(f"{url}/en/")[0] == 200
    assert get(f"{url}/api/v2/pages/?limit=2")[0] == 200
    assert get(f"{url}/admin/login/")[0] == 200
    assert site.shell(COUNT_PAGES) == pages_before
