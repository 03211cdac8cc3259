"""
Finding 8: an expired page vanishes from every public surface at its expiry time, with the task
worker that would unpublish it not running. Finding 5: translation metadata never names a page
the public may not see.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def expired(home_page, blog_index):
    """Still `live` (no worker unpublished it) but an hour past its expiry time."""
    article = factories.ArticlePageFactory(
        parent=blog_index, title="Zebra crossing consultation", standfirst="Zebra crossings."
    )
    article.save_revision().publish()
    article.expire_at = timezone.now() - datetime.timedelta(hours=1)
    article.save()
    assert article.live and not article.expired
    return article


def test_an_expired_page_is_not_served(client, expired):
    assert client.get(expired.url).status_code == 404


@pytest.mark.parametrize(
    "url", ["/en/", "/en/blog/", "/sitemap.xml", "/feeds/articles/", "/en/search/?q=zebra"]
)
def test_an_expired_page_is_not_listed(client, expired, url):
    response = client.get(url)

    assert response.status_code == 200
    assert expired.title not in response.content.decode()
    assert expired.slug not in response.content.decode()


def test_a_page_that_expires_later_is_still_everywhere(client, expired):
    expired.expire_at = timezone.now() + datetime.timedelta(hours=1)
    expired.save()

    assert client.get(expired.url).status_code == 200
    assert expired.title in client.get("/feeds/articles/").content.decode()


@pytest.fixture
def private_source(blog_index):
    """A password-protected English article with a public Korean translation."""
    source = factories.ArticlePageFactory(parent=blog_index, title="Members only briefing")
    source.save_revision().publish()
    korean = Locale.objects.get_or_create(language_code="ko")[0]
    home_ko = source.get_parent().get_parent().copy_for_translation(korean)
    home_ko.save_revision().publish()
    blog_ko = source.get_parent().copy_for_translation(korean)
    blog_ko.save_revision().publish()
    translation = source.copy_for_translation(korean)
    translation.title = "공개 브리핑"
    translation.save_revision().publish()
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return source, translation


def test_a_public_translation_does_not_link_its_private_source(client, private_source):
    source, translation = private_source

    response = client.get(translation.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert translation.title in html  # the page itself, not a password form
    assert source.url not in html  # hreflang, x-default and the language switcher
    assert 'hreflang="x-default"' not in html


def test_the_sitemap_lists_no_private_alternate(client, private_source):
    source, translation = private_source

    xml = client.get("/sitemap.xml").content.decode()

    assert translation.get_full_url() in xml
    assert source.get_full_url() not in xml


def test_the_api_names_no_private_source(client, private_source):
    source, translation = private_source

    meta = client.get(f"/api/v2/pages/{translation.pk}/").json()["meta"]
    listed = client.get("/api/v2/pages/", {"locale": "ko", "fields": "translation_status"}).json()

    assert [item["id"] for item in meta["translations"]] == []
    assert meta["translation_status"] is None
    statuses = {item["id"]: item["meta"]["translation_status"] for item in listed["items"]}
    assert statuses[translation.pk] is None
