"""CDN purges go by tag to Varnish, by URL (API included) elsewhere, and are retried."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from citynet.delivery import purge
from citynet.delivery.purge import PurgeFailed, XkeyBackend, purge_task
from tests.delivery.conftest import purged_tags

pytestmark = pytest.mark.django_db


class RecordingURLBackend(BaseBackend):
    """A CDN that purges by URL only (CloudFront, Azure...)."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_a_publish_purges_after_the_commit(
    make_article, purges, django_capture_on_commit_callbacks
):
    article = make_article()
    purges.clear()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
        assert purges == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()

    assert f"page-{article.pk}" in purged_tags(purges)
    assert all(url == "http://cdn/" for url, _headers in purges)


def test_a_failed_purge_is_retried(monkeypatch, settings, purges):
    attempts = []

    def flaky(self, url, headers):
        attempts.append(headers["xkey"])
        if len(attempts) < 3:
            raise PurgeFailed("connection refused")

    monkeypatch.setattr(XkeyBackend, "send", flaky)

    purge_task.enqueue(["page-1", "list-blog.articlepage-en"])

    assert attempts == ["list-blog.articlepage-en page-1"] * 3


def test_a_purge_that_keeps_failing_gives_up(monkeypatch, purges):
    attempts = []

    def down(self, url, headers):
        attempts.append(url)
        raise PurgeFailed("connection refused")

    monkeypatch.setattr(XkeyBackend, "send", down)

    purge_task.enqueue(["page-1"])

    assert len(attempts) == purge.MAX_ATTEMPTS


def test_without_tag_purging_the_urls_are_purged_with_the_api(make_article, settings):
    article = make_article()
    settings.WAGTAILFRONTENDCACHE = {
        "urls": {"BACKEND": "tests.delivery.test_purge.RecordingURLBackend"}
    }
    RecordingURLBackend.purged = []

    purge_task.enqueue([f"page-{article.pk}", "list-blog.articlepage-en"])

    api = "http://localhost/api/v2/pages/"  # the default site's address
    assert set(RecordingURLBackend.purged) == {
        article.full_url,
        f"{api}{article.pk}/",
        api,  # listings with query strings age out by max-age
    }
