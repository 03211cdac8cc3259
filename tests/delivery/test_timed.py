"""What changes with time takes effect at its moment: expiry, and a program's status."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from citynet.delivery.timed import refresh_page
from citynet.editorial.scheduling import apply_due_changes
from tests import factories
from tests.delivery.conftest import is_cached

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@pytest.fixture
def tomorrows_program(program_index):
    """A one-day program in Seoul starting tomorrow, Seoul time."""
    start = timezone.now().astimezone(SEOUL).date() + datetime.timedelta(days=1)
    return factories.ProgramPageFactory(
        parent=program_index, start_date=start, end_date=start, time_zone="Asia/Seoul"
    )


def starts_at(program):
    return datetime.datetime.combine(program.start_date, datetime.time(), tzinfo=SEOUL)


def test_a_program_turns_ongoing_at_its_start_in_its_time_zone(client, tomorrows_program):
    url = f"/api/v2/pages/{tomorrows_program.pk}/"
    other = factories.ArticlePageFactory(
        parent=factories.BlogIndexPageFactory(parent=tomorrows_program.get_parent().get_parent())
    )
    assert client.get(url).json()["status"] == "upcoming"
    client.get(other.url)

    with time_machine.travel(starts_at(tomorrows_program) + datetime.timedelta(seconds=1)):
        refresh_page.enqueue(tomorrows_program.pk)  # what the worker runs at that moment
        assert client.get(url).json()["status"] == "ongoing"
        assert is_cached(client, other.url)  # nothing else was invalidated


@override_settings(TASKS=DATABASE_QUEUE)
def test_publishing_a_program_queues_its_status_changes(tomorrows_program):
    tomorrows_program.save_revision().publish()

    queued = DBTaskResult.objects.filter(task_path=refresh_page.module_path)
    moments = sorted(queued.values_list("run_after", flat=True))
    assert moments[0] == starts_at(tomorrows_program)
    assert moments == [
        starts_at(tomorrows_program),
        datetime.datetime.combine(
            tomorrows_program.end_date + datetime.timedelta(days=1), datetime.time(), tzinfo=SEOUL
        ),
    ]


def test_an_expired_page_leaves_every_cache_when_the_scheduler_withdraws_it(client, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index)
    article.expire_at = timezone.now() + datetime.timedelta(minutes=5)
    article.save_revision().publish()
    for url in (article.url, f"/api/v2/pages/{article.pk}/", blog_index.url):
        client.get(url)

    with time_machine.travel(article.expire_at + datetime.timedelta(seconds=1)):
        assert apply_due_changes() == 1
        assert client.get(article.url).status_code == 404
        assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
        assert article.title not in client.get(blog_index.url).content.decode()
