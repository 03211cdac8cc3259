"""ETags change only when the bytes do; Last-Modified is the last change of what is shown."""

import datetime

import pytest
import redis
import time_machine
from django.conf import settings
from django.middleware.common import CommonMiddleware
from django.utils import timezone
from django.utils.http import parse_http_date

from citynet.settings.base import RENDITIONS_CACHE
from tests.live.servers import RedisServer, serving_the_cache

pytestmark = pytest.mark.django_db


def a_second_later():
    """Last-Modified is named once the second of the last change is over."""
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=1))


def test_a_copy_missing_a_change_made_in_the_same_second_is_never_answered_304(
    client, make_article
):
    """Last-Modified names whole seconds: a copy from before a change in its second has none."""
    article = make_article()
    url = f"/api/v2/pages/{article.pk}/"
    second = int(timezone.now().timestamp()) + 60
    with time_machine.travel(second + 0.1, tick=False):
        article.title = "First title"
        article.save_revision().publish()
        first = client.get(url)
    with time_machine.travel(second + 0.6, tick=False):
        article.title = "Second title"
        article.save_revision().publish()

    with time_machine.travel(second + 5, tick=False):
        since = {"If-Modified-Since": first["Last-Modified"]} if "Last-Modified" in first else {}
        again = client.get(url, headers=since)
        later = client.get(url)
        not_modified = client.get(url, headers={"If-Modified-Since": later["Last-Modified"]})

    assert again.status_code == 200
    assert again.json()["title"] == "Second title"
    assert parse_http_date(later["Last-Modified"]) == second
    assert not_modified.status_code == 304


@pytest.mark.parametrize("kind", ["api", "html"])
def test_an_etag_survives_hours_when_nothing_changed(client, make_article, kind):
    article = make_article()
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    with a_second_later():
        first = client.get(url)

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=5)):
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
        since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == since.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_an_etag_survives_an_unrelated_publish(client, make_article):
    article, other = make_article(0), make_article(1)
    url = f"/api/v2/pages/{article.pk}/"
    with a_second_later():
        first = client.get(url)

        other.title = "Something else"
        other.save_revision().publish()

        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
        assert client.get(url)["Last-Modified"] == first["Last-Modified"]


def test_last_modified_is_the_last_change_shown(client, make_article):
    article = make_article()
    url = f"/api/v2/pages/{article.pk}/"
    with a_second_later():
        published = client.get(url)

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        before = int(timezone.now().timestamp())
        article.title = "A new title"
        article.save_revision().publish()
        after = int(timezone.now().timestamp())
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=5)):
        changed = client.get(url)

    assert parse_http_date(published["Last-Modified"]) < before
    assert before <= parse_http_date(changed["Last-Modified"]) <= after


@pytest.mark.parametrize("kind", ["api", "html"])
def test_a_304_repeats_what_the_200_says_of_caching(client, make_article, kind):
    article = make_article()
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    first = client.get(url)

    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    for header in ("ETag", "Cache-Control", "Vary", "Content-Language", "Content-Security-Policy"):
        assert again[header] == first[header], header


def test_a_304_is_answered_before_the_view_and_most_middleware(client, make_article, monkeypatch):
    url = f"/api/v2/pages/{make_article().pk}/"
    first = client.get(url)
    reached = []
    record = lambda _middleware, request: reached.append(request.path)  # noqa: E731
    monkeypatch.setattr(CommonMiddleware, "process_request", record)

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert reached == []
    assert client.get(url).status_code == 200  # a plain request goes the whole way
    assert reached == [url]


def test_a_conditional_request_with_a_session_goes_the_whole_way(client, make_article):
    url = f"/api/v2/pages/{make_article().pk}/"
    first = client.get(url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-reader"

    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 200
    assert "private" in again["Cache-Control"]


@pytest.fixture
def redis_server(tmp_path):
    yield from serving_the_cache(RedisServer(tmp_path))


def record_redis_commands(monkeypatch):
    """The list the name of each Redis command sent from now on is appended to (MULTI for a
    pipeline, one round trip)."""
    commands = []
    execute_command = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis,
        "execute_command",
        lambda self, *args, **kwargs: (
            commands.append(args[0]) or execute_command(self, *args, **kwargs)
        ),
    )
    execute = redis.client.Pipeline.execute
    monkeypatch.setattr(
        redis.client.Pipeline,
        "execute",
        lambda self, *args, **kwargs: commands.append("MULTI") or execute(self, *args, **kwargs),
    )
    return commands


@pytest.mark.parametrize("kind", ["api", "html"])
def test_a_304_costs_one_redis_round_trip(client, make_article, redis_server, monkeypatch, kind):
    article = make_article()
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    first = client.get(url)
    commands = record_redis_commands(monkeypatch)

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert len(commands) == 1

    # A client with an older copy gets the stored one, from the same round trip.
    commands.clear()
    assert client.get(url, headers={"If-None-Match": '"old"'}).content == first.content
    assert len(commands) == 1

    article.title = "Seoul opens more data"  # and a change is seen in that one round trip
    article.save_revision().publish()
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200


@pytest.mark.parametrize("kind", ["api", "html"])
def test_a_computed_response_costs_few_redis_round_trips(
    client, make_article, redis_server, monkeypatch, settings, kind
):
    # As in production, Wagtail keeps no renditions in Redis (decision 0211).
    settings.CACHES = {**settings.CACHES, "renditions": RENDITIONS_CACHE}
    article = make_article()
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    client.get(url)
    article.title = "Seoul opens more data"
    article.save_revision().publish()
    round_trips = record_redis_commands(monkeypatch)

    assert "Seoul opens more data" in client.get(url).content.decode()

    # The entry (gone) with the current generation, the site with the sites' version (no query
    # for it), the site root paths, the versions of what the response shows, the new entry.
    assert round_trips == ["EVALSHA", "MGET", "GET", "MGET", "MULTI"]
