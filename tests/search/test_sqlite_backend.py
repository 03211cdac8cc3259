"""
The SQLite search backend (search.sqlite, decision 0144): the stock backend's
results, order and scores, with the full-text index read once per search rather than once per
result. SQLite only; on PostgreSQL the stock backend runs unchanged.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Phrase, PlainText

from blog.models import ArticlePage
from tests import factories
from tests.visitor import get_ok

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend"),
]

TEASERS = "standfirst,date_published,hero_image,authors,themes"


@pytest.fixture
def articles(blog_index):
    texts = [
        ("Kathmandu rebuilds its riverbanks", "Kathmandu planted trees; Kathmandu residents."),
        ("Water in Manila", "Manila compared notes with Kathmandu and Colombo."),
        ("Kathmandu and Colombo", "Kathmandu and Colombo signed a water pact."),
        ("Buses in Colombo", "Colombo ordered electric buses for Manila's routes."),
        ("A water pact for Manila", "Manila's water pact."),
        ("Kathmandu draft", "Kathmandu Kathmandu Kathmandu."),
    ]
    pages = [
        factories.ArticlePageFactory(
            parent=blog_index,
            title=title,
            body=[factories.paragraph(body)],
            date_published=datetime.date(2025, 1, 1 + index % 2),
        )
        for index, (title, body) in enumerate(texts)
    ]
    pages[-1].unpublish()
    return pages


def stock_backend():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return SQLiteSearchBackend({})


def found(results):
    return [(page.pk, getattr(page, "score", None)) for page in results]


QUERIES = [
    pytest.param("kathmandu", {}, id="word"),
    pytest.param("kathmandu colombo", {"operator": "and"}, id="and"),
    pytest.param("kathmandu colombo", {"operator": "or"}, id="or"),
    pytest.param(Phrase("water pact"), {}, id="phrase"),
    pytest.param(And([PlainText("manila"), Not(PlainText("kathmandu"))]), {}, id="and-not"),
    pytest.param(Not(PlainText("kathmandu")), {}, id="not"),
    pytest.param("kathmandu", {"fields": ["title"]}, id="title-only"),
    pytest.param("manila", {"order_by_relevance": False}, id="queryset-order"),
]


# The site searches live pages; the API, `Page.objects.filter(pk__in=...)` of the visible ones.
QUERYSETS = {
    "live-articles": lambda: ArticlePage.objects.live().order_by("title"),
    "api-pages": lambda: Page.objects.filter(pk__in=ArticlePage.objects.live().values("pk")),
}


@pytest.mark.parametrize(("query", "options"), QUERIES)
@pytest.mark.parametrize("queryset", QUERYSETS.values(), ids=QUERYSETS.keys())
def test_results_order_and_scores_are_the_stock_backends(articles, query, options, queryset):
    ours, stock = get_search_backend(), stock_backend()

    def search(backend):
        return backend.search(query, queryset(), **options)

    expected = search(stock)
    assert found(search(ours)) == found(expected)
    assert found(search(ours).annotate_score("score")) == found(expected.annotate_score("score"))
    assert found(search(ours)[1:3]) == found(expected)[1:3]
    assert search(ours).count() == expected.count()


def test_autocomplete_and_facets_are_the_stock_backends(articles):
    ours, stock = get_search_backend(), stock_backend()
    queryset = ArticlePage.objects.live()

    assert found(ours.autocomplete("Kathm", queryset)) == found(
        stock.autocomplete("Kathm", queryset)
    )
    assert found(ours.autocomplete("Kathm", queryset).annotate_score("score")) == found(
        stock.autocomplete("Kathm", queryset).annotate_score("score")
    )
    facets = ours.search("manila", queryset).facet("date_published")
    assert facets == stock.search("manila", queryset).facet("date_published")
    assert sum(facets.values()) == 3


def plan(sql):
    """SQLite's query plan as {id: (parent id, detail)}."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return {row[0]: (row[1], row[3]) for row in cursor.fetchall()}


def full_text_reads_run_per_row(sql):
    """
    The reads of the full-text table that SQLite may run more than once per statement: every
    read that is not the outer loop of a subquery SQLite evaluates once (a list for `IN`, or a
    materialized subquery). Reading it inside another table's loop runs a MATCH (and bm25) per
    row of that table: the cost of a search grows with the square of its matches.
    """
    steps = plan(sql)
    per_row = []
    for step_id, (parent, detail) in steps.items():
        if "VIRTUAL TABLE" not in detail:
            continue
        parent_detail = steps[parent][1] if parent in steps else "the query itself"
        siblings = [other for other, (up, _detail) in steps.items() if up == parent]
        runs_once = parent_detail.startswith(("LIST SUBQUERY", "MATERIALIZE"))
        if not runs_once or siblings[0] != step_id:
            per_row.append(f"{detail} (in {parent_detail})")
    return per_row


def test_a_search_reads_the_full_text_index_once_not_once_per_result(client, articles):
    searches = [
        lambda: get_ok(
            client,
            "/api/v2/pages/",
            {"type": "blog.ArticlePage", "fields": TEASERS, "search": "Kathmandu"},
        ),
        lambda: get_ok(client, "/api/v2/pages/", {"search": "Kathmandu Colombo"}),
        lambda: get_ok(client, "/en/search/", {"q": "kathmandu"}),
        lambda: list(get_search_backend().search("kathmandu", ArticlePage).annotate_score("s")),
        lambda: list(ArticlePage.objects.autocomplete("Kathm")),
    ]
    for search in searches:
        with CaptureQueriesContext(connection) as queries:
            search()
        searched = [query["sql"] for query in queries if "_fts" in query["sql"]]

        assert searched
        for sql in searched:
            assert full_text_reads_run_per_row(sql) == [], sql
