"""A token v3 refuses is a 401, never read as an anonymous request (decision 0070)."""

import pytest
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "authorization", ["Bearer wagtail_bad", "Token wagtail_bad", "Bearer", "wagtail_bad"]
)
def test_a_bad_or_malformed_token_is_a_401_problem(client, home_page, authorization):
    response = client.get("/api/v3/pages/", headers={"Authorization": authorization})

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The bearer token was refused"


def test_a_revoked_token_is_a_401(client, home_page, editor_token):
    APIToken.objects.get().revoke()

    response = client.get("/api/v3/pages/", headers={"Authorization": f"Bearer {editor_token}"})

    assert response.status_code == 401


def test_without_a_token_the_public_pages_are_read(client, home_page):
    response = client.get("/api/v3/pages/")

    assert response.status_code == 200
    assert response.json()["items"]
