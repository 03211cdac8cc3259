"""
A v3 token reads at least what anonymous readers read (an outside tester found the secondee's
token listing 2 pages where anonymous readers see 39), plus the pages its user may edit, drafts
included; drafts stay their editors' (decision 0260).
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.api.test_v3_surfaces import token_for

pytestmark = pytest.mark.django_db

FILTERS = [{}, {"type": "blog.ArticlePage"}, {"locale": "ko"}, {"search": "water"}]


def listed_ids(client, filters, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.get("/api/v3/pages/", {**filters, "limit": 100}, headers=headers)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["count"] == len(data["items"])  # one page of results holds them all
    return {item["id"] for item in data["items"]}


def test_every_demo_roles_token_lists_what_anonymous_readers_see(client, home_page):
    call_command("load_demo", stdout=io.StringIO())
    tokens = {
        username: token_for(get_user_model().objects.get(username=username))
        for username in ("admin", "secondee", "comms")
    }

    for filters in FILTERS:
        anonymous = listed_ids(client, filters)
        assert anonymous, filters
        for username, token in tokens.items():
            assert listed_ids(client, filters, token) >= anonymous, (username, filters)


def test_a_token_adds_its_users_drafts_to_the_public_pages(client, make_article, secondee):
    public = make_article(title="Public")
    own_draft = make_article(title="Own draft", owner=secondee)
    others_draft = make_article(title="Someone else's draft")
    for page in (own_draft, others_draft):
        page.unpublish()
    token = token_for(secondee)

    listed = listed_ids(client, {"type": "blog.ArticlePage"}, token)

    assert listed == {public.pk, own_draft.pk}
    assert others_draft.pk not in listed


def test_a_token_reads_other_peoples_pages_live_and_never_their_drafts(
    client, make_article, secondee, comms
):
    article = make_article(title="Live title")
    article.title = "Draft title"
    article.save_revision()
    headers = {"Authorization": f"Bearer {token_for(secondee)}"}
    url = f"/api/v3/pages/{article.pk}/"

    assert client.get(url, headers=headers).json()["title"] == "Live title"
    assert client.get(url, {"version": "draft"}, headers=headers).status_code == 404
    editor = {"Authorization": f"Bearer {token_for(comms)}"}
    assert client.get(url, {"version": "draft"}, headers=editor).json()["title"] == "Draft title"
