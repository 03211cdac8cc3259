import pytest
from wagtail.models import PageViewRestriction

from tests import factories
from tests.visitor import assert_accessible_outline, count_queries, get_ok

pytestmark = pytest.mark.django_db
URL = "/en/search/"


@pytest.fixture
def pages(blog_index, program_index, partner_index):
    return {
        "article": factories.ArticlePageFactory(parent=blog_index, title="Monsoon drainage story"),
        "program": factories.ProgramPageFactory(parent=program_index, title="Monsoon workshop"),
        "partner": factories.PartnerPageFactory(parent=partner_index, title="Monsoon institute"),
    }


def test_search_finds_live_pages_of_every_type_with_their_summary(client, pages):
    html = get_ok(client, f"{URL}?q=monsoon")

    for page in pages.values():
        assert f'href="{page.url}"' in html
    assert "Results for “monsoon”" in html
    assert f"<p>{pages['article'].standfirst}</p>" in html
    assert f"<p>{pages['program'].summary}</p>" in html
    assert_accessible_outline(html)


def test_search_leaves_out_drafts_and_private_pages(client, blog_index, pages):
    draft = factories.ArticlePageFactory(parent=blog_index, title="Monsoon draft")
    draft.unpublish()
    private = factories.ArticlePageFactory(parent=blog_index, title="Monsoon private note")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = get_ok(client, f"{URL}?q=monsoon")

    assert "Monsoon draft" not in html
    assert "Monsoon private note" not in html


@pytest.mark.parametrize("page_type", ["article", "program", "partner"])
def test_search_filters_by_type(client, pages, page_type):
    html = get_ok(client, f"{URL}?q=monsoon&type={page_type}")

    for kind, page in pages.items():
        assert (f'href="{page.url}"' in html) is (kind == page_type)
    assert f'<option value="{page_type}" selected>' in html


def test_unknown_type_searches_everything(client, pages):
    html = get_ok(client, f"{URL}?q=monsoon&type=secret")

    assert all(f'href="{page.url}"' in html for page in pages.values())


def test_results_are_paginated_keeping_the_query_and_type(client, blog_index):
    for n in range(12):
        factories.ArticlePageFactory(parent=blog_index, title=f"Typhoon story {n}")

    first = get_ok(client, f"{URL}?q=typhoon&type=article")
    second = get_ok(client, f"{URL}?q=typhoon&type=article&page=2")

    assert first.count('<li class="search-result">') == 10
    assert second.count('<li class="search-result">') == 2
    assert 'href="?q=typhoon&amp;type=article&amp;page=2"' in first


@pytest.mark.parametrize("query", ["", "?q=", "?q=%20%20", "?q=%00"])
def test_empty_query_shows_the_form_without_results(client, home_page, query):
    html = get_ok(client, f"{URL}{query}")

    assert "Type a few words to search" in html
    assert "<h1>Search</h1>" in html


def test_search_page_has_navigation_and_breadcrumbs(client, blog_index):
    html = get_ok(client, URL)

    assert f'<a href="{blog_index.url}">Blog</a>' in html
    assert '<a href="/en/search/" aria-current="page">Search</a>' in html


@pytest.mark.parametrize("count", [3, 12])
def test_search_queries_do_not_grow_with_results(client, blog_index, count):
    for n in range(count):
        factories.ArticlePageFactory(parent=blog_index, title=f"Flood story {n}")

    # Results are fetched as their specific page type: one more query per type shown. The
    # reader's language and its fallback chain are subqueries.
    assert count_queries(client, f"{URL}?q=flood") == 6


@pytest.mark.parametrize("query", ['"', 'monsoon"', '"monsoon', '水"'])
def test_a_double_quote_left_open_is_read_as_a_space(client, pages, query):
    """SQLite's full-text search refused it as a syntax error, and the site answered 503."""
    html = get_ok(client, f"{URL}?q={query}")
    api = client.get("/api/v2/pages/", {"search": query})

    assert api.status_code == 200
    if "monsoon" in query:
        assert f'href="{pages["article"].url}"' in html
        assert pages["article"].pk in [item["id"] for item in api.json()["items"]]
