"""Headless preview: the admin sends editors to the front end, which fetches the draft once."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory

from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db

FRONT_END = "https://preview.citynet.example/preview"


@pytest.fixture
def draft(make_article, settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    article = make_article(title="Live title")
    article.title = "Draft title"
    article.standfirst = "A draft standfirst."
    return article


def start_preview(page):
    """What Preview in the admin does: returns the query the front end receives."""
    request = RequestFactory().get("/admin/preview/")
    request.user = factories.UserFactory(is_superuser=True)
    response = page.serve_preview(request, page.default_preview_mode)
    assert response.status_code == 302
    assert response.url.startswith(FRONT_END + "?")
    return {key: values[0] for key, values in parse_qs(urlsplit(response.url).query).items()}


def test_front_end_fetches_the_draft_in_the_live_shape(client, draft):
    query = start_preview(draft)
    live = get_json(client, f"/api/v2/pages/{draft.pk}/")

    response = client.get("/api/v2/preview/", query)

    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Draft title"
    assert data["standfirst"] == "A draft standfirst."
    assert live["title"] == "Live title"
    assert set(data) == set(live)
    assert data["authors"] == live["authors"]
    assert data["body"][2]["value"]["renditions"] == live["body"][2]["value"]["renditions"]
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_token_works_once(client, draft):
    query = start_preview(draft)

    assert client.get("/api/v2/preview/", query).status_code == 200
    replayed = client.get("/api/v2/preview/", query)
    assert replayed.status_code == 410
    assert "no-store" in replayed["Cache-Control"]


def test_expired_tokens_are_refused(client, draft, settings):
    query = start_preview(draft)
    settings.HEADLESS_PREVIEW_MAX_AGE = -1

    assert client.get("/api/v2/preview/", query).status_code == 410


@pytest.mark.parametrize(
    "change",
    [
        lambda query: {**query, "token": query["token"][:-3] + "abc"},  # forged signature
        lambda query: {**query, "token": f"id=1:{query['token'].split(':')[1]}:forged"},
        lambda query: {**query, "token": "not a token"},
        lambda query: {**query, "token": "::::"},
        lambda query: {**query, "content_type": "programs.programpage"},
    ],
)
def test_forged_or_malformed_tokens_are_refused(client, draft, change):
    response = client.get("/api/v2/preview/", change(start_preview(draft)))

    assert response.status_code == 403


@pytest.mark.parametrize("query", [{}, {"token": "x"}, {"content_type": "blog.articlepage"}])
def test_missing_parameters_are_400(client, draft, query):
    assert client.get("/api/v2/preview/", query).status_code == 400
