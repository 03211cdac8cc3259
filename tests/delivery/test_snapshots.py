"""
Page snapshots (decision 0063): a response-cache miss on a page's API detail or HTML reads one
stored row; a change to anything the page shows deletes it and the task queue builds it again;
nothing a reader may not see is ever stored or served from one.
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from citynet.delivery import snapshots
from citynet.delivery.models import PageSnapshot
from tests import factories
from tests.delivery.test_visibility import hide

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.fixture
def article(make_article, program):
    article = make_article(0, title="Seoul opens its data")
    factories.ArticleProgramFactory(article=article, program=program)
    article.save_revision().publish()
    return article


def page_urls(page):
    return [f"/api/v2/pages/{page.pk}/", page.url]


def build(page):
    for url in page_urls(page):
        snapshots.build(BASE + url)


def stored(url):
    return PageSnapshot.objects.filter(url=BASE + url).first()


def test_publishing_builds_the_snapshots_of_the_page(
    article, settings, django_capture_on_commit_callbacks
):
    PageSnapshot.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    urls = set(PageSnapshot.objects.filter(page=article).values_list("url", flat=True))
    api = f"{article.get_site().root_url}/api/v2/pages/{article.pk}/"
    assert urls == {article.get_full_url(), api}
    article.refresh_from_db()
    assert PageSnapshot.objects.get(url=article.get_full_url()).revision == article.live_revision


def test_a_cache_miss_reads_the_snapshot_with_one_query(client, article, django_assert_num_queries):
    computed = {url: client.get(url) for url in page_urls(article)}
    build(article)
    cache.clear()  # every response-cache entry gone: misses

    for url, first in computed.items():
        with django_assert_num_queries(1):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content == first.content
        assert response["ETag"] == first["ETag"]
        assert response["Last-Modified"] == first["Last-Modified"]
        assert f"page-{article.pk}" in response["xkey"].split()
        with django_assert_num_queries(0):  # and is then in the response cache
            assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_deploy_that_changes_no_output_keeps_every_stored_response(
    client, article, django_assert_num_queries
):
    computed = {url: client.get(url) for url in page_urls(article)}
    build(article)

    call_command("migrate", "--no-input", verbosity=0)

    assert {stored(url) is not None for url in page_urls(article)} == {True}
    for url, first in computed.items():
        with django_assert_num_queries(0):  # still in the response cache
            assert client.get(url).content == first.content
    cache.clear()
    for url in computed:
        with django_assert_num_queries(1):  # and its snapshot still read
            assert client.get(url).status_code == 200


def test_a_new_response_version_computes_every_page_afresh(client, article):
    for url in page_urls(article):
        client.get(url)
    build(article)

    with override_settings(RESPONSE_VERSION="2"):
        for url in page_urls(article):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            assert len(queries) > 1  # neither the cached response nor the snapshot


def test_a_query_string_or_another_host_is_computed(client, article):
    build(article)
    cache.clear()
    detail = f"/api/v2/pages/{article.pk}/"
    assert client.get(detail, {"fields": "title"}).json()["title"] == "Seoul opens its data"
    assert "fields" not in stored(detail).content.decode()  # untouched
    with CaptureQueriesContext(connection) as queries:
        client.get(detail, HTTP_HOST="localhost")
    assert len(queries) > 1


@pytest.mark.parametrize("change", ["author", "program"])
def test_a_change_to_what_the_page_shows_rebuilds_it(
    client, article, change, django_capture_on_commit_callbacks
):
    build(article)
    before = {url: stored(url).built_at for url in page_urls(article)}
    with django_capture_on_commit_callbacks(execute=True):
        if change == "author":
            person = article.authors.first().person
            person.name = "Kim Renamed"
            person.save()
        else:
            program = article.program_links.first().program
            program.title = "Resilience renamed"
            program.save_revision().publish()
    cache.clear()

    new_name = "Kim Renamed" if change == "author" else "Resilience renamed"
    for url in page_urls(article):
        assert stored(url).built_at > before[url]
        assert new_name in stored(url).content.decode()
        assert new_name in client.get(url).content.decode()


def test_an_unrelated_change_leaves_the_snapshot(article, make_article):
    build(article)
    before = {url: stored(url).built_at for url in page_urls(article)}
    other = make_article(1, title="Bangkok plants trees")
    other.title = "Bangkok plants more trees"
    other.save_revision().publish()

    assert {url: stored(url).built_at for url in page_urls(article)} == before


def test_a_draft_is_never_stored(client, article, django_capture_on_commit_callbacks):
    build(article)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "A draft title"
        article.save_revision()
    build(article)  # as a rebuild would
    cache.clear()

    for url in page_urls(article):
        assert "A draft title" not in stored(url).content.decode()
        assert "A draft title" not in client.get(url).content.decode()


def test_a_new_translation_rebuilds_the_source_page(
    client, article, django_capture_on_commit_callbacks
):
    build(article)
    with django_capture_on_commit_callbacks(execute=True):
        korean = article.copy_for_translation(
            Locale.objects.get(language_code="ko"), copy_parents=True
        )
        korean.save_revision().publish()
    cache.clear()

    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert {"locale": "ko", "id": korean.pk} in [
        {"locale": item["locale"], "id": item["id"]} for item in detail["meta"]["translations"]
    ]
    assert f'"id":{korean.pk}' in stored(f"/api/v2/pages/{article.pk}/").content.decode()


@pytest.mark.parametrize("how", ["unpublish", "private", "private section", "delete"])
def test_a_hidden_page_has_no_snapshot(client, article, how, django_capture_on_commit_callbacks):
    build(article)
    urls = page_urls(article)
    with django_capture_on_commit_callbacks(execute=True):
        hide(how, article)
    cache.clear()

    assert not PageSnapshot.objects.filter(url__in=[BASE + url for url in urls]).exists()
    assert client.get(urls[0]).status_code == 404
    html = client.get(urls[1])  # gone, a login or a password form
    assert html.status_code != 200 or "Seoul opens its data" not in html.content.decode()


def test_an_expired_page_is_not_served_from_its_snapshot(client, article):
    article.expire_at = timezone.now() + datetime.timedelta(hours=1)
    article.save_revision().publish()
    build(article)
    cache.clear()
    assert client.get(page_urls(article)[0]).status_code == 200

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        for url in page_urls(article):
            assert client.get(url).status_code == 404


def test_the_command_builds_every_public_page(article, make_article):
    draft = make_article(1, title="Not yet")
    draft.unpublish()
    PageSnapshot.objects.all().delete()

    call_command("build_page_snapshots", base_url=BASE, stdout=None)

    assert PageSnapshot.objects.filter(page=article).count() == 2
    assert not PageSnapshot.objects.filter(page=draft).exists()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_command_can_leave_the_builds_to_the_workers_newest_first(article, make_article):
    newest = make_article(1, title="Published last")
    newest.save_revision().publish()
    PageSnapshot.objects.all().delete()

    call_command("build_page_snapshots", base_url=BASE, enqueue=True, stdout=None)

    assert not PageSnapshot.objects.exists()  # built by the workers, not by the command
    queued = DBTaskResult.objects.get(task_path=snapshots.build_snapshots.module_path)
    first = {tuple(item) for item in queued.args_kwargs["args"][0][:2]}
    assert first == {(BASE + url, newest.pk) for url in page_urls(newest)}
    snapshots.build_snapshots.call(*queued.args_kwargs["args"])  # as a worker runs it
    assert PageSnapshot.objects.filter(page=article).count() == 2
    assert PageSnapshot.objects.filter(page=newest).count() == 2
