"""
What readers notice of the search backend, on SQLite (decision 0144) and PostgreSQL alike: the
most relevant pages first, counts and pages of results that add up, and nothing unpublished or
private, through the content API and the model API.
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Not, PlainText

from blog.models import ArticlePage
from tests import factories
from tests.visitor import get_ok

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


@pytest.fixture
def article(blog_index):
    def make(title, body):
        return factories.ArticlePageFactory(
            parent=blog_index, title=title, body=[factories.paragraph(body)]
        )

    return make


@pytest.fixture
def strong_and_weak(article):
    """An article about Kathmandu and a later one that names it once; a third that does not."""
    strong = article(
        "Kathmandu rebuilds its riverbanks",
        "Kathmandu planted trees along the Bagmati; Kathmandu residents joined in.",
    )
    weak = article("Water in Manila", "Manila compared notes with Kathmandu and Colombo.")
    article("Buses in Colombo", "Colombo ordered electric buses.")
    return strong, weak


def api_search(client, **params):
    return json.loads(get_ok(client, API, {"type": "blog.ArticlePage", **params}))


def api_ids(client, **params):
    return [item["id"] for item in api_search(client, **params)["items"]]


def api_total(client, **params):
    return api_search(client, **params)["meta"]["total_count"]


def test_the_page_about_the_term_comes_before_one_that_names_it_once(client, strong_and_weak):
    strong, weak = strong_and_weak

    # Newest first (the order without relevance) would put `weak` first.
    assert list(ArticlePage.objects.live().search("kathmandu")) == [strong, weak]
    assert api_ids(client, search="Kathmandu") == [strong.pk, weak.pk]
    assert api_total(client, search="Kathmandu") == 2


def test_relevance_can_be_left_out_for_the_querysets_own_order(strong_and_weak):
    strong, weak = strong_and_weak
    by_title = ArticlePage.objects.live().order_by("title")

    assert list(by_title.search("kathmandu", order_by_relevance=False)) == [strong, weak]
    assert list(by_title.reverse().search("kathmandu", order_by_relevance=False)) == [
        weak,
        strong,
    ]


def test_scores_can_be_annotated(strong_and_weak):
    strong, weak = strong_and_weak

    results = list(get_search_backend().search("kathmandu", ArticlePage).annotate_score("score"))

    assert results == [strong, weak]
    assert all(isinstance(page.score, float) for page in results)
    assert results[0].score != results[1].score


def test_operators_and_negation(article, strong_and_weak):
    strong, weak = strong_and_weak
    both = article("Kathmandu and Colombo", "Kathmandu and Colombo signed a water pact.")
    pages = ArticlePage.objects.live()

    assert set(pages.search("kathmandu colombo", operator="and")) == {weak, both}
    assert set(pages.search("kathmandu colombo", operator="or")) == set(pages)
    assert set(pages.search(Not(PlainText("kathmandu")))) == set(pages) - {strong, weak, both}


def test_autocomplete_finds_the_start_of_a_title_word(strong_and_weak):
    strong, _weak = strong_and_weak

    assert list(ArticlePage.objects.live().autocomplete("Kathm")) == [strong]


def test_pages_of_results_add_up_to_every_match_once(client, article):
    for number in range(1, 26):
        article(f"Report {number}", " ".join(["Monsoon"] * (number % 4 + 1) + ["rain."] * 20))
    article("Dry season", "No rain at all.")

    everything = api_ids(client, search="monsoon", limit=25)
    pages = [api_ids(client, search="monsoon", limit=10, offset=offset) for offset in (0, 10, 20)]

    assert api_total(client, search="monsoon", limit=10) == 25
    assert [len(page) for page in pages] == [10, 10, 5]
    assert sum(pages, []) == everything
    assert len(set(everything)) == 25
    # The six reports naming the term four times come first.
    most = ArticlePage.objects.filter(title__in=[f"Report {n}" for n in range(3, 26, 4)])
    assert set(everything[:6]) == {page.pk for page in most}


def test_no_unpublished_or_private_page_is_found(client, article, strong_and_weak, program_index):
    strong, weak = strong_and_weak
    draft = article("Kathmandu Kathmandu", "Kathmandu draft about Kathmandu.")
    draft.unpublish()
    private = article("Kathmandu private", "Kathmandu members only: Kathmandu.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    factories.ProgramPageFactory(parent=program_index, title="Kathmandu programme")

    assert api_ids(client, search="Kathmandu") == [strong.pk, weak.pk]
    assert api_total(client, search="Kathmandu") == 2
    assert api_ids(client, search="Kathmandu", limit=1, offset=1) == [weak.pk]


def test_postgresql_indexes_what_the_backend_matches(strong_and_weak):
    """Wagtail's backend matches `title || body`, which it indexes only apart: without an index
    on the expression, every search read every entry (search/migrations/0001). Should the
    backend match on another expression, this fails, and the index must follow it."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches its own full-text table")
    with CaptureQueriesContext(connection) as queries:
        assert get_search_backend().search("Kathmandu", ArticlePage).count() == 2
    with connection.cursor() as cursor:
        index = "citynet_search_title_body"
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index])
        (definition,) = cursor.fetchone()

    matched = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert matched in queries.captured_queries[0]["sql"]
    assert "USING gin (((title || body)))" in definition
