"""
Wagtail's redirects from a page's old addresses lead readers only where they may go: never to a
private page's new address, never back to the address asked for (decision 0410).
"""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed(blog_index):
    """An article renamed from "old-name" to "new-name", with Wagtail's redirect between."""
    article = factories.ArticlePageFactory(parent=blog_index, slug="new-name")
    Redirect.add_redirect("/en/blog/old-name/", redirect_to=article)
    return article


def test_an_old_address_leads_to_the_public_page(client, renamed):
    response = client.get("/en/blog/old-name/")

    assert response.status_code == 301
    assert response["Location"] == "/en/blog/new-name/"


def test_an_old_address_of_a_private_page_does_not_tell_its_new_one(client, renamed):
    PageViewRestriction.objects.create(page=renamed, restriction_type="login")

    response = client.get("/en/blog/old-name/")

    assert response.status_code == 404
    assert "new-name" not in response.content.decode()


def test_an_old_address_of_an_unpublished_page_is_not_found(client, renamed):
    renamed.unpublish()

    assert client.get("/en/blog/old-name/").status_code == 404


def test_a_page_renamed_back_and_unpublished_is_not_found_rather_than_looping(client, renamed):
    # Renamed back: Wagtail's redirect from its address to itself stays.
    Redirect.add_redirect("/en/blog/new-name/", redirect_to=renamed)
    renamed.unpublish()

    assert client.get("/en/blog/new-name/").status_code == 404
