"""
Finding 1: with Redis down every public surface keeps answering, computed without the cache; one
warning is logged; and when Redis is back the cache is used again without a restart. The test
owns its Redis server and stops and starts it mid-test.
"""

import logging

import pytest
from django.core.cache import cache

from tests import factories
from tests.live.servers import RedisServer, serving_the_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path):
    yield from serving_the_cache(RedisServer(tmp_path))


@pytest.fixture
def public_urls(blog_index):
    article = factories.ArticlePageFactory(parent=blog_index, title="Water for every city")
    article.save_revision().publish()
    return [
        "/api/v2/pages/",
        f"/api/v2/pages/{article.pk}/",
        "/api/v3/pages/",
        f"/api/v3/pages/{article.pk}/",
        "/en/",
        "/en/blog/",
        article.url,
        "/en/search/?q=water",
        "/sitemap.xml",
        "/feeds/articles/",
    ]


def statuses(client, urls):
    return {url: client.get(url).status_code for url in urls}


def test_public_surfaces_answer_through_a_cache_outage(client, redis_server, public_urls, caplog):
    everything_ok = dict.fromkeys(public_urls, 200)
    assert statuses(client, public_urls) == everything_ok
    assert redis_server.client().dbsize() > 0  # the cache was in use

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="citynet.cache"):
        assert statuses(client, public_urls) == everything_ok
        assert statuses(client, public_urls) == everything_ok
    warnings = [record for record in caplog.records if record.name == "citynet.cache"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "unreachable" in warnings[0].getMessage()

    redis_server.start()  # empty, at the same address: the client reconnects by itself
    assert statuses(client, public_urls) == everything_ok
    assert redis_server.client().dbsize() > 0
    cache.set("citynet:probe", "back")
    assert cache.get("citynet:probe") == "back"
