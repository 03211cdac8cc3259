"""Querysets compiled once per process (decision 0400): the pages, the clock read at each run."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.db.models import Prefetch
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from blog.models import ArticleAuthor, ArticlePage
from citynet.compiled import Argument, CompiledOnce, CompiledPage
from citynet.visibility import publicly_visible
from tests import factories

pytestmark = pytest.mark.django_db


def compiles(run):
    """How many queries Django compiled during `run()`, and its result."""
    with mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql):
        result = run()
        return SQLCompiler.as_sql.call_count, result


def titles(pages):
    return [page.title for page in pages]


def test_a_kept_query_is_compiled_at_its_first_run_and_then_given_new_arguments(blog_index):
    first, second = (factories.ArticlePageFactory(parent=blog_index, title=t) for t in "AB")
    query = CompiledOnce(
        publicly_visible(ArticlePage.objects)
        .select_related("locale", "hero_image")
        .filter(pk=Argument("pk"))
    )

    compiled, pages = compiles(lambda: query.run(pk=first.pk))
    assert titles(pages) == ["A"] and compiled > 0
    compiled, pages = compiles(lambda: query.run(pk=second.pk))
    assert titles(pages) == ["B"] and compiled == 0
    assert pages[0].locale.language_code == "en"  # select_related still fills the relations
    assert query.run(pk=second.pk + 1000) == []


def test_the_visibility_rules_read_the_clock_at_each_run_not_at_the_compile(blog_index):
    article = factories.ArticlePageFactory(parent=blog_index, title="Expiring")
    article.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    article.save()
    query = CompiledOnce(publicly_visible(ArticlePage.objects).filter(pk=Argument("pk")))
    assert titles(query.run(pk=article.pk)) == ["Expiring"]

    with time_machine.travel(article.expire_at + datetime.timedelta(seconds=1)):
        assert query.run(pk=article.pk) == []


def test_a_query_that_can_match_nothing_runs_without_sql(blog_index):
    article = factories.ArticlePageFactory(parent=blog_index)
    query = CompiledOnce(ArticlePage.objects.filter(pk__in=[]).filter(pk=Argument("pk")))
    assert query.run(pk=article.pk) == []


def article_with_authors(blog_index, title, names):
    article = factories.ArticlePageFactory(parent=blog_index, title=title)
    for order, name in enumerate(names):
        person = factories.PersonFactory(name=name)
        factories.ArticleAuthorFactory(article=article, person=person, sort_order=order)
    article.save_revision().publish()
    return article


def test_a_page_query_compiles_its_one_to_many_prefetches_once_too(
    blog_index, django_assert_num_queries
):
    first = article_with_authors(blog_index, "A", ["Ana", "Bo"])
    second = article_with_authors(blog_index, "B", ["Cy"])
    authors = ArticleAuthor.objects.select_related("person").order_by("sort_order")
    query = CompiledPage(
        ArticlePage.objects.prefetch_related(Prefetch("authors", queryset=authors), "themes")
    )

    def bylines(page):
        return [link.person.name for link in page.authors.all()]

    compiled, page = compiles(lambda: query.run(first.pk))
    assert compiled > 0
    with django_assert_num_queries(0):  # the relations came with the page
        assert bylines(page) == ["Ana", "Bo"] and list(page.themes.all()) == []
    # Only the many-to-many prefetch (themes) is Django's, compiled at each run.
    compiled, page = compiles(lambda: query.run(second.pk))
    assert compiled == 1
    assert page.title == "B" and bylines(page) == ["Cy"]
    assert query.run(second.pk + 1000) is None
