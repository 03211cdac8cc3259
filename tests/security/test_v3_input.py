"""Findings 3 and 4: v3 answers bad client input with a 4xx JSON problem, never a 500 or HTML."""

import io

import pytest
from django.core.management import call_command
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
        # Ambiguous: Django would use the last value, or list nothing (issue 23, finding 7).
        "/api/v3/pages/?limit=999&limit=1",
        "/api/v3/pages/?limit=0",
        "/api/v3/pages/?search=a&search=b",
        "/api/v3/pages/?order=title&order=title",
        "/api/v3/pages/?" + "&".join(["order=title"] * 50),
        "/api/v3/pages/?type=blog.ArticlePage&type=blog.ArticlePage",
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


@pytest.mark.parametrize("url", ["/api/v3/nothing-here/", "/api/v3/", "/api/v3"])
def test_unknown_v3_urls_are_json_404s_without_a_token(client, home_page, url):
    response = client.get(url)

    assert_problem(response, 404)


def test_list_parameters_may_name_several_values(client, home_page):
    response = client.get(
        "/api/v3/pages/?type=home.HomePage&type=blog.ArticlePage&order=-id&order=title"
    )

    assert response.status_code == 200, response.content


@pytest.fixture
def secondee_token(secondee):
    output = io.StringIO()
    call_command("api_tokens", "create", "--user", secondee.username, "--name", "t", stdout=output)
    return output.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("body", ["[1,2,3]", "null", "not json"])
@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/merge-patch+json", ""],
)
def test_a_body_that_is_not_a_json_object_is_a_400_whatever_its_content_type(
    client, blog_index, secondee_token, body, content_type
):
    """Django Ninja reads these bodies as JSON too: a secondee's token was enough for a 500."""
    response = client.generic(
        "PATCH",
        f"/api/v3/pages/{blog_index.pk}/",
        data=body,
        content_type=content_type,
        headers={"Authorization": f"Bearer {secondee_token}"},
    )

    assert_problem(response, 400)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_large_body_of_another_content_type_is_a_413_problem(client, home_page, editor_token):
    response = client.patch(
        f"/api/v3/pages/{home_page.pk}/",
        data="x" * 3000,
        content_type="text/plain",
        headers={"Authorization": f"Bearer {editor_token}"},
    )

    assert_problem(response, 413)


@pytest.mark.parametrize(
    ("method", "url"), [("put", "/api/v3/pages/3/"), ("options", "/api/v3/pages/")]
)
def test_a_method_v3_does_not_take_is_a_405_problem(client, home_page, editor_token, method, url):
    response = getattr(client, method)(url, headers={"Authorization": f"Bearer {editor_token}"})

    assert_problem(response, 405)
    assert "GET" in response["Allow"]
    assert method.upper() in response.json()["detail"]
