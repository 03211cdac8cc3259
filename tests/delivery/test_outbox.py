"""
An invalidation that Redis did not take is kept in the outbox and applied by the worker's retry
once Redis is back: the cached copies of an unpublished page are not served for their lifetime
(issue 23, finding 3). A real Redis that keeps its data across a restart, as production's does.
tests/delivery/test_faults.py does the same end to end, with a real worker and Varnish.
"""

import pytest

from citynet.delivery.invalidation import retry_invalidations
from citynet.delivery.models import Invalidation
from tests.delivery.conftest import is_cached
from tests.live.servers import RedisServer, serving_the_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path):
    yield from serving_the_cache(RedisServer(tmp_path, keep_data=True))


def test_an_unpublish_while_redis_is_down_reaches_the_cache_once_it_is_back(
    client, redis_server, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    urls = [article.url, f"/api/v2/pages/{article.pk}/"]
    for url in urls:
        client.get(url)
        assert is_cached(client, url)

    redis_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    redis_server.start()  # with the copies it kept, and the old versions of their tags

    assert Invalidation.objects.exists()  # waiting for the retry
    assert [client.get(url).status_code for url in urls] == [
        200,
        200,
    ]  # as before the fix, for a day

    retry_invalidations.call()  # what the worker runs every few seconds

    assert [client.get(url).status_code for url in urls] == [404, 404]
    assert not Invalidation.objects.exists()
