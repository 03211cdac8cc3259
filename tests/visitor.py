"""Helpers for tests that read pages the way a visitor does."""

import itertools
from html.parser import HTMLParser

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def get_ok(client, url, params=None):
    """GET `url`, check that it answered 200 and return the decoded body."""
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def count_queries(client, url, params=None):
    """
    Queries a warm GET of `url` (a page, a feed, an API endpoint) makes when its response is
    computed rather than taken from the response cache: a first request fills renditions and
    the site and page-type caches.
    """
    get_ok(client, url, params)
    with override_settings(RESPONSE_CACHE=False), CaptureQueriesContext(connection) as queries:
        get_ok(client, url, params)
    return len(queries)


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings = []
        self.images_without_alt = []

    def handle_starttag(self, tag, attrs):
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        elif tag == "img" and "alt" not in dict(attrs):
            self.images_without_alt.append(dict(attrs).get("src"))


def assert_accessible_outline(html):
    """One h1, first; no heading level skipped on the way down; every image has alt text."""
    outline = _Outline()
    outline.feed(html)
    levels = outline.headings
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels
    assert outline.images_without_alt == []
