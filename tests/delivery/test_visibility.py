"""
Nothing the public may no longer see is served from a cache: the visibility rules of
tests/api/test_visibility.py, with every response cached while the page was still visible.
"""

import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import PageViewRestriction

from citynet.editorial.scheduling import apply_due_changes
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def urls(article):
    return [
        f"/api/v2/pages/{article.pk}/",
        "/api/v2/pages/",
        "/api/v2/pages/?type=blog.ArticlePage",
        "/api/v2/pages/?search=secret",
        "/api/v2/pages/?type=blog.ArticlePage&locale=en&fallback=true",
        article.url,
        article.get_parent().url,
        "/feeds/articles/",
        "/sitemap.xml",
    ]


def hide(how, article):
    if how == "unpublish":
        article.unpublish()
    elif how == "private":
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    elif how == "private section":
        PageViewRestriction.objects.create(
            page=article.get_parent(), restriction_type="password", password="x"
        )
    elif how == "delete":
        article.delete()


@pytest.mark.parametrize("how", ["unpublish", "private", "private section", "delete"])
def test_a_hidden_page_leaves_every_cached_response(client, make_article, how):
    article = make_article(0, title="Soon a secret")
    make_article(1, title="Visible secret")
    pk, page_url = article.pk, article.url
    cached = {url: client.get(url).content.decode() for url in urls(article)}
    assert all("Soon a secret" in cached[url] for url in urls(article)[:3])
    assert page_url in cached["/sitemap.xml"]

    hide(how, article)

    assert client.get(f"/api/v2/pages/{pk}/").status_code == 404
    for params in ({}, {"type": "blog.ArticlePage"}, {"search": "secret"}):
        titles = {item["title"] for item in get_json(client, "/api/v2/pages/", **params)["items"]}
        assert "Soon a secret" not in titles
        assert ("Visible secret" in titles) == (how != "private section")
    html = client.get(page_url)
    assert html.status_code != 200 or "Soon a secret" not in html.content.decode()
    for url in ("/feeds/articles/", "/sitemap.xml", "/en/blog/"):
        body = client.get(url).content.decode()
        assert "Soon a secret" not in body and page_url not in body.replace("/en/blog/\n", "")


def test_an_expired_page_leaves_every_cached_response(client, make_article):
    article = make_article(0, title="Soon a secret")
    article.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    article.save_revision().publish()
    for url in urls(article):
        client.get(url)

    with time_machine.travel(article.expire_at + datetime.timedelta(seconds=1)):
        apply_due_changes()
        assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
        assert client.get(article.url).status_code == 404
        for url in ("/api/v2/pages/", "/feeds/articles/", "/sitemap.xml", "/en/blog/"):
            assert "Soon a secret" not in client.get(url).content.decode(), url
