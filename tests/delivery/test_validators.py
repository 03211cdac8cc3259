"""ETags change only when the bytes do; Last-Modified is the last change of what is shown."""

import datetime

import pytest
import redis
import time_machine
from django.utils import timezone
from django.utils.http import parse_http_date

from tests.live.servers import RedisServer, serving_the_cache

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["api", "html"])
def test_an_etag_survives_hours_when_nothing_changed(client, make_article, kind):
    article = make_article()
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    first = client.get(url)

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=5)):
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
        since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == since.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_an_etag_survives_an_unrelated_publish(client, make_article):
    article, other = make_article(0), make_article(1)
    url = f"/api/v2/pages/{article.pk}/"
    first = client.get(url)

    other.title = "Something else"
    other.save_revision().publish()

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(url)["Last-Modified"] == first["Last-Modified"]


def test_last_modified_is_the_last_change_shown(client, make_article):
    article = make_article()
    url = f"/api/v2/pages/{article.pk}/"
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


@pytest.fixture
def redis_server(tmp_path):
    yield from serving_the_cache(RedisServer(tmp_path))


@pytest.mark.parametrize("kind", ["api", "html"])
def test_a_304_costs_one_redis_round_trip(client, make_article, redis_server, monkeypatch, kind):
    article = make_article()
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    first = client.get(url)
    commands = []
    execute_command = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis,
        "execute_command",
        lambda self, *args, **kwargs: (
            commands.append(args[0]) or execute_command(self, *args, **kwargs)
        ),
    )

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert len(commands) == 1

    article.title = "Seoul opens more data"  # and a change is seen in that one round trip
    article.save_revision().publish()
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200
