import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import make_article, partner, program, themes  # noqa: F401


def is_cached(client, url, gone_ok=False):
    """Whether `url` is answered from the response cache (no query at all)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if gone_ok and response.status_code == 404:
        return False
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries) == 0


def tags_of(response):
    return set(response["xkey"].split())


@pytest.fixture
def purges(monkeypatch, settings):
    """Every PURGE the Varnish backend sends, as (url, headers), without a network."""
    from citynet.delivery.purge import XkeyBackend

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "citynet.delivery.purge.XkeyBackend", "LOCATION": "http://cdn"}
    }
    sent = []
    monkeypatch.setattr(XkeyBackend, "send", lambda self, url, headers: sent.append((url, headers)))
    return sent


def purged_tags(purges):
    return {tag for _url, headers in purges for tag in headers.get("xkey", "").split()}
