"""CDN purges go by tag to Varnish, by URL (API included) elsewhere, and wait to be taken."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from citynet.delivery.invalidation import invalidate, retry_invalidations
from citynet.delivery.models import Invalidation
from citynet.delivery.purge import PurgeFailed, XkeyBackend, purge
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


def test_a_failed_purge_waits_in_the_outbox_until_the_cdn_answers(
    monkeypatch, purges, django_capture_on_commit_callbacks
):
    cdn_down = True

    def send(self, url, headers):
        if cdn_down:
            raise PurgeFailed("connection refused")
        purges.append((url, headers))

    monkeypatch.setattr(XkeyBackend, "send", send)

    with django_capture_on_commit_callbacks(execute=True):
        invalidate({"page-1", "list-blog.articlepage-en"})
    retry_invalidations.call()  # the worker's retry, while the CDN is still down
    assert list(Invalidation.objects.values_list("tags", flat=True)) == [
        ["list-blog.articlepage-en", "page-1"]
    ]
    assert purges == []

    cdn_down = False
    retry_invalidations.call()

    assert not Invalidation.objects.exists()
    assert purged_tags(purges) == {"page-1", "list-blog.articlepage-en"}


def test_an_invalidation_taken_everywhere_leaves_the_outbox(
    purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invalidate({"page-1"})

    assert not Invalidation.objects.exists()
    # Twice: ahead of the indexing tasks, and after them.
    assert [headers["xkey"] for _url, headers in purges] == ["page-1", "page-1"]


def test_without_tag_purging_the_urls_are_purged_with_the_api(make_article, settings):
    article = make_article()
    settings.WAGTAILFRONTENDCACHE = {
        "urls": {"BACKEND": "tests.delivery.test_purge.RecordingURLBackend"}
    }
    RecordingURLBackend.purged = []

    purge([f"page-{article.pk}", "list-blog.articlepage-en"])

    api = "http://localhost/api/v2/pages/"  # the default site's address
    assert set(RecordingURLBackend.purged) == {
        article.full_url,
        f"{api}{article.pk}/",
        api,  # listings with query strings age out by max-age
    }
