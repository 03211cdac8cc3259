"""Finding 9: responses that depend on a token or a secret are never stored by any cache."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from citynet.editorial.models import CalendarFeed
from citynet.editorial.roles import COMMUNICATIONS
from tests import factories

pytestmark = pytest.mark.django_db


def assert_private_no_store(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, response["Cache-Control"]


@pytest.mark.parametrize("url", ["/api/v3/pages/", "/api/v3/pages/{pk}/", "/api/v3/whoami/"])
def test_v3_responses_read_with_a_token_are_private(client, home_page, editor_token, url):
    response = client.get(
        url.format(pk=home_page.pk), headers={"Authorization": f"Bearer {editor_token}"}
    )

    assert response.status_code == 200
    assert_private_no_store(response)


def test_a_rejected_token_is_not_cached_either(client, home_page):
    response = client.get("/api/v3/pages/", headers={"Authorization": "Bearer wrong"})

    assert_private_no_store(response)


def test_the_secret_calendar_feed_is_private(client):
    user = factories.UserFactory(username="comms")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    token = CalendarFeed.issue(user)

    response = client.get(reverse("editorial_calendar_feed", args=[token]))

    assert response.status_code == 200
    assert_private_no_store(response)


def test_a_signed_in_editors_page_view_is_private(client, home_page):
    """Nothing cached an editor's view in practice; the header says so to every cache."""
    client.force_login(factories.UserFactory(is_superuser=True))

    response = client.get(home_page.url)

    assert response.status_code == 200
    assert_private_no_store(response)
