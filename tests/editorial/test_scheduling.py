"""Scheduled go-live and expiry: applied on time, exactly once, and after downtime."""

import datetime
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.utils import timezone
from django_tasks.signals import task_started
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry
from wagtail.views import serve

from citynet.editorial.scheduling import apply_due_changes, expire_if_due, publish_if_due
from search.views import search
from tests import factories
from tests.clock import START

GO_LIVE = START + datetime.timedelta(hours=2)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def scheduled_article(clock, blog_index, comms):
    article = factories.ArticlePageFactory(
        parent=blog_index, live=False, title="Tomorrow's cities", standfirst="Planned ahead."
    )
    article.go_live_at = GO_LIVE
    article.save_revision(user=comms).publish(user=comms)
    article.refresh_from_db()
    assert article.status_string == "scheduled"
    return article


def html_visible(page):
    request = RequestFactory().get(page.url)
    try:
        return serve(request, page.url.removeprefix("/en/")).status_code == 200
    except Http404:
        return False


def search_finds(title):
    response = search(RequestFactory().get("/en/search/", {"q": title}))
    return [page.title for page in response.context_data["search_results"]] == [title]


def visible_everywhere(client, page):
    """Where the page shows up: the HTML site, sitemap, feed, search and (once mounted) the API."""
    api = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "title"})
    surfaces = {
        "html": html_visible(page),
        "sitemap": page.full_url in client.get("/sitemap.xml").content.decode(),
        "feed": page.title in client.get("/feeds/articles/").content.decode(),
        "search": search_finds(page.title),
    }
    if api.get("Content-Type", "").startswith("application/json"):  # once the API is mounted
        surfaces["api"] = page.title in api.content.decode()
    return surfaces


def scheduled_publications(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


@pytest.mark.django_db
def test_page_goes_live_at_its_time_and_not_before(client, clock, scheduled_article):
    clock.move_to(GO_LIVE - datetime.timedelta(seconds=1))
    assert apply_due_changes() == 0
    assert not any(visible_everywhere(client, scheduled_article).values())

    clock.move_to(GO_LIVE)
    assert apply_due_changes() == 1

    scheduled_article.refresh_from_db()
    assert scheduled_article.live
    assert all(visible_everywhere(client, scheduled_article).values())


@pytest.mark.django_db
def test_expired_page_disappears_everywhere(client, clock, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index, title="Old news")
    article.expire_at = START + datetime.timedelta(minutes=5)
    article.save_revision().publish()
    assert all(visible_everywhere(client, article).values())

    clock.move_to(START + datetime.timedelta(minutes=5))
    assert apply_due_changes() == 1

    article.refresh_from_db()
    assert not article.live and article.expired
    assert not any(visible_everywhere(client, article).values())
    assert not expire_if_due(article.pk)
    withdrawals = PageLogEntry.objects.filter(page=article, action="wagtail.unpublish.scheduled")
    assert withdrawals.count() == 1


@pytest.mark.django_db
def test_a_runner_holding_a_stale_list_applies_nothing(clock, scheduled_article):
    clock.move_to(GO_LIVE + datetime.timedelta(seconds=5))
    revision_id = scheduled_article.scheduled_revision.pk

    assert publish_if_due(revision_id)
    assert not publish_if_due(revision_id)  # a second runner that listed it before the first ran
    assert apply_due_changes() == 0
    assert scheduled_publications(scheduled_article) == 1


@pytest.mark.django_db
def test_rescheduled_page_waits_for_its_new_time(clock, scheduled_article, comms):
    later = GO_LIVE + datetime.timedelta(days=1)
    scheduled_article.go_live_at = later
    scheduled_article.save_revision(user=comms).publish(user=comms)

    clock.move_to(GO_LIVE + datetime.timedelta(minutes=1))
    assert apply_due_changes() == 0
    clock.move_to(later)
    assert apply_due_changes() == 1


@pytest.mark.django_db(transaction=True)
def test_two_runners_at_once_publish_exactly_once(blog_index):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent transactions need PostgreSQL; SQLite serialises writers.")
    article = factories.ArticlePageFactory(parent=blog_index, live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    article.save_revision().publish()
    barrier = threading.Barrier(2)
    applied = []

    def runner():
        barrier.wait()
        try:
            applied.append(apply_due_changes())
        finally:
            connection.close()

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        threads = [threading.Thread(target=runner) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(applied) == [0, 1]
    assert scheduled_publications(article) == 1


@pytest.fixture
def worker(monkeypatch):
    """Run the real db_worker until the queue has nothing ready, inside the test transaction."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    return run


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_publishing_with_a_go_live_queues_a_wake_up_at_that_time(
    clock, blog_index, comms, django_capture_on_commit_callbacks, worker
):
    article = factories.ArticlePageFactory(parent=blog_index, live=False)
    article.go_live_at = GO_LIVE
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision(user=comms).publish(user=comms)

    wake_up = DBTaskResult.objects.get(task_path="citynet.editorial.tasks.apply_scheduled_changes")
    assert wake_up.run_after == GO_LIVE

    clock.move_to(GO_LIVE - datetime.timedelta(minutes=1))
    worker()
    article.refresh_from_db()
    assert not article.live

    # The worker was down for a day: it catches up as soon as it runs again.
    clock.move_to(GO_LIVE + datetime.timedelta(days=1))
    worker()
    article.refresh_from_db()
    assert article.live
    assert scheduled_publications(article) == 1


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_heartbeat_catches_pages_scheduled_without_a_wake_up(
    clock, scheduled_article, django_capture_on_commit_callbacks, worker
):
    # scheduled_article was scheduled while tasks ran in-process, so no wake-up exists.
    assert not DBTaskResult.objects.exists()

    clock.move_to(GO_LIVE + datetime.timedelta(seconds=30))
    worker()  # starting, the worker queues the heartbeat

    scheduled_article.refresh_from_db()
    assert scheduled_article.live
    # The heartbeat queued its successor, and only one.
    waiting = DBTaskResult.objects.filter(
        task_path="citynet.editorial.tasks.heartbeat", status="READY"
    )
    assert waiting.count() == 1


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
def test_an_expiry_runs_on_time_ahead_of_the_purges_queued_before_it(
    clock, blog_index, django_capture_on_commit_callbacks, worker
):
    expiring = factories.ArticlePageFactory(parent=blog_index, title="Old news")
    expiring.expire_at = START + datetime.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        expiring.save_revision().publish()
    worker()
    clock.move_to(expiring.expire_at)
    # Editors' changes queued as the expiry fell due: each waits on the CDN's purge, seconds
    # apiece while the CDN hangs.
    for title in ["First edit", "Second edit"]:
        with django_capture_on_commit_callbacks(execute=True):
            factories.ArticlePageFactory(parent=blog_index, title=title).save_revision().publish()
    queued = DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True)
    assert "citynet.delivery.invalidation.apply_invalidation" in queued

    live_when_tasks_started = []

    def note_the_expiring_page(sender, task_result, **kwargs):
        live = type(expiring).objects.get(pk=expiring.pk).live
        live_when_tasks_started.append((task_result.task.name, live))

    task_started.connect(note_the_expiring_page)
    try:
        worker()
    finally:
        task_started.disconnect(note_the_expiring_page)

    assert live_when_tasks_started[0] == ("apply_scheduled_changes", True)
    assert all(not live for _task, live in live_when_tasks_started[1:])
