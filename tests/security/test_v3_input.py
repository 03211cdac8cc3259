"""Findings 3 and 4: v3 answers bad client input with a 4xx JSON problem, never a 500 or HTML."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == status


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?offset=99999999999999999999",
        "/api/v3/pages/?limit=99999999999999999999",
        "/api/v3/images/?offset=99999999999999999999",
        "/api/v3/pages/?search=%00",
        "/api/v3/pages/?search=cities%00",
    ],
)
def test_bad_query_parameters_are_400_problems(client, home_page, editor_token, url):
    response = client.get(url, headers={"Authorization": f"Bearer {editor_token}"})

    assert_problem(response, 400)


@pytest.mark.parametrize("body", ["[1,2,3]", '"text"', "42", "null"])
def test_a_body_that_is_not_a_json_object_is_a_400_problem(client, home_page, editor_token, body):
    response = client.patch(
        f"/api/v3/pages/{home_page.pk}/",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {editor_token}"},
    )

    assert_problem(response, 400)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_body_over_the_limit_is_413(client, home_page, editor_token):
    response = client.patch(
        f"/api/v3/pages/{home_page.pk}/",
        data='{"title": "' + "x" * 2000 + '"}',
        content_type="application/json",
        headers={"Authorization": f"Bearer {editor_token}"},
    )

    assert_problem(response, 413)


@pytest.mark.parametrize(
    "url", ["/api/v3/nothing-here/", "/api/v3/pages/999999/", "/api/v3/pages/1/nothing/"]
)
def test_unknown_v3_urls_are_json_404s_not_redirects(client, home_page, editor_token, url):
    response = client.get(url, headers={"Authorization": f"Bearer {editor_token}"})

    assert_problem(response, 404)


def test_unknown_v3_urls_are_json_404s_without_a_token(client, home_page):
    response = client.get("/api/v3/nothing-here/")

    assert_problem(response, 404)
