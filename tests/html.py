"""Helpers for tests that read pages the way a visitor does."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_ok(client, url):
    """GET `url`, check that it answered 200 and return the decoded HTML."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def count_queries(client, url):
    """Queries a warm GET of `url` makes: renditions and caches are filled by a first request."""
    get_ok(client, url)
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)
