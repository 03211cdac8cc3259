import datetime

import pytest

from tests import factories
from tests.visitor import count_queries, get_ok

pytestmark = pytest.mark.django_db


def make_articles(blog_index, count, **kwargs):
    return [factories.ArticlePageFactory(parent=blog_index, **kwargs) for _ in range(count)]


def test_index_lists_live_articles_newest_first(client, blog_index):
    older = factories.ArticlePageFactory(
        parent=blog_index, title="Older story", date_published=datetime.date(2017, 11, 10)
    )
    newer = factories.ArticlePageFactory(
        parent=blog_index, title="Newer story", date_published=datetime.date(2018, 2, 20)
    )
    draft = factories.ArticlePageFactory(parent=blog_index, title="Draft story")
    draft.unpublish()

    html = get_ok(client, blog_index.url)

    assert html.index(newer.title) < html.index(older.title)
    assert "Draft story" not in html


def test_index_filters_by_tag_theme_and_author(client, blog_index):
    water, energy = make_articles(blog_index, 2)
    water.tags.add("water")
    theme = factories.ThemeFactory(slug="urban-energy")
    energy.themes.add(theme)
    water.save()
    energy.save()
    author = factories.ArticleAuthorFactory(article=energy).person

    by_tag = get_ok(client, f"{blog_index.url}?tag=water")
    by_theme = get_ok(client, f"{blog_index.url}?theme=urban-energy")
    by_author = get_ok(client, f"{blog_index.url}?author={author.pk}")

    assert water.title in by_tag and energy.title not in by_tag
    assert energy.title in by_theme and water.title not in by_theme
    assert energy.title in by_author and water.title not in by_author


@pytest.mark.parametrize(
    "query",
    ["author=99999999999999999999999", "author=abc", "theme=unknown", "tag=%00", "page=-1"],
)
def test_bad_filters_are_reported_and_ignored(client, blog_index, query):
    article = factories.ArticlePageFactory(parent=blog_index)

    html = get_ok(client, f"{blog_index.url}?{query}")

    assert article.title in html
    if not query.startswith("page"):
        assert "Some filters were not understood" in html


def test_pagination_keeps_the_filters(client, blog_index):
    articles = make_articles(blog_index, 12)
    for article in articles:
        article.tags.add("water")
        article.save()

    first = get_ok(client, f"{blog_index.url}?tag=water")
    second = get_ok(client, f"{blog_index.url}?tag=water&page=2")

    assert "Page 1 of 2" in first
    assert 'href="?tag=water&amp;page=2"' in first
    # Newest first: the two oldest articles are on page two.
    assert articles[0].title in second and articles[11].title not in second


@pytest.mark.parametrize("count", [3, 12])
def test_index_queries_do_not_grow_with_articles(client, blog_index, count):
    theme = factories.ThemeFactory()
    for article in make_articles(blog_index, count, hero_image=factories.ImageFactory()):
        article.tags.add("water")
        article.themes.add(theme)
        article.save()
        factories.ArticleAuthorFactory(article=article)

    assert count_queries(client, blog_index.url) == 15
