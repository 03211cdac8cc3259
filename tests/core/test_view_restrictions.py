"""
A page's view restrictions as Wagtail applies them before serving it: those of the page and its
ancestors, and for an alias those of its source. The route skips Wagtail's two queries only when
no restriction or alias is on the page's path (citynet/core/pages.py, decision 0350).
"""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_private_sections_article_asks_for_the_password(client, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index, title="Behind the password")
    PageViewRestriction.objects.create(page=blog_index, restriction_type="password", password="x")

    response = client.get(article.url)

    assert 'name="password"' in response.content.decode()
    assert "Behind the password" not in response.content.decode()


def test_an_alias_of_a_private_section_asks_for_its_sources_password(client, home_page, blog_index):
    factories.ArticlePageFactory(parent=blog_index, title="Behind the password")
    alias = blog_index.create_alias(parent=home_page, update_slug="news", recursive=True)
    [aliased_article] = alias.get_children()
    # Made private after the alias was created: the alias has no restriction of its own.
    PageViewRestriction.objects.create(page=blog_index, restriction_type="password", password="x")

    response = client.get(aliased_article.url)

    assert aliased_article.url.startswith("/en/news/")
    assert 'name="password"' in response.content.decode()
    assert "Behind the password" not in response.content.decode()


def test_a_public_article_is_served_without_asking(client, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index, title="Open to all")

    response = client.get(article.url)

    assert response.status_code == 200
    assert "Open to all" in response.content.decode()


def test_an_alias_of_a_private_section_is_not_in_the_api(client, home_page, blog_index):
    factories.ArticlePageFactory(parent=blog_index, title="Behind the password")
    factories.ArticlePageFactory(parent=home_page, title="Open to all")
    blog_index.create_alias(parent=home_page, update_slug="news", recursive=True)
    PageViewRestriction.objects.create(page=blog_index, restriction_type="password", password="x")

    titles = {item["title"] for item in client.get("/api/v2/pages/").json()["items"]}

    assert "Behind the password" not in titles
    assert "Open to all" in titles
