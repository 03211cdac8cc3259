import datetime

import pytest
import time_machine
from django.utils import timezone

from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def test_public_responses_are_cacheable_with_validators(client, make_article, settings):
    settings.API_CACHE_MAX_AGE = 300
    article = make_article()

    # Last-Modified is named once the second of the last change is over.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=1)):
        response = client.get(f"/api/v2/pages/{article.pk}/")

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=300"


def test_conditional_requests_get_304_until_content_changes(client, make_article):
    article = make_article()
    url = f"/api/v2/pages/{article.pk}/"
    etag = client.get(url)["ETag"]

    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert not_modified.content == b""

    article.title = "A new title"
    article.save_revision().publish()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.json()["title"] == "A new title"
    assert changed["ETag"] != etag


def test_if_modified_since(client, make_article):
    article = make_article()
    url = f"/api/v2/pages/{article.pk}/"
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=1)):
        last_modified = client.get(url)["Last-Modified"]

        assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304


def test_the_etag_follows_the_bytes(client, make_article):
    make_article()

    first = client.get("/api/v2/pages/", {"type": "blog.ArticlePage"})
    same_bytes = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "limit": 1})
    other = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "standfirst"})

    assert first.content == same_bytes.content and first["ETag"] == same_bytes["ETag"]
    assert other["ETag"] != first["ETag"]
    assert client.get("/api/v2/pages/", headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_authenticated_responses_are_private(client, make_article):
    article = make_article()
    client.force_login(factories.UserFactory())

    response = client.get(f"/api/v2/pages/{article.pk}/")

    assert response.status_code == 200
    assert "ETag" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_errors_are_not_cached_as_public(client, blog_index):
    response = client.get("/api/v2/pages/", {"limit": "-1"})

    assert response.status_code == 400
    assert "public" not in response["Cache-Control"]


def test_cors_only_for_configured_origins(client, blog_index, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.seoul.example"]

    allowed = client.get("/api/v2/pages/", headers={"Origin": "https://www.seoul.example"})
    other = client.get("/api/v2/pages/", headers={"Origin": "https://evil.example"})
    preflight = client.options(
        "/api/v2/pages/",
        headers={
            "Origin": "https://www.seoul.example",
            "Access-Control-Request-Method": "GET",
        },
    )

    assert allowed["Access-Control-Allow-Origin"] == "https://www.seoul.example"
    assert "Access-Control-Allow-Origin" not in other
    assert preflight["Access-Control-Allow-Origin"] == "https://www.seoul.example"
    assert "origin" in allowed["Vary"].lower()


def test_no_cors_outside_the_api(client, home_page, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.seoul.example"]

    response = client.get("/admin/login/", headers={"Origin": "https://www.seoul.example"})

    assert "Access-Control-Allow-Origin" not in response


def test_listing_json_is_unchanged_by_caching(client, make_article):
    make_article()
    assert get_json(client, "/api/v2/pages/", type="blog.ArticlePage")["meta"]["total_count"] == 1
