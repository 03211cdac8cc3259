"""
API v3 shows what v2 and HTML show (issue 23, findings 1, 2 and 4): anonymous readers get public
pages only, in details, listings and every relation; a token adds what its user may explore in
the admin, never hidden related pages; every page type reads, and a failed write changes nothing.
"""

import datetime
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from programs.models import ProgramPage
from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def token_for(user):
    output = io.StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "t", stdout=output)
    return output.getvalue().strip().splitlines()[-1]


@pytest.fixture
def linked_article(make_article, program, partner, partner_index, program_index, secondee):
    """
    A secondee's article linking a public program and partner, and pages the public may not see.
    """
    article = make_article(title="Linked", owner=secondee)
    unpublished = factories.ProgramPageFactory(parent=program_index, title="Unpublished program")
    unpublished.unpublish()
    never_published = factories.ProgramPageFactory(
        parent=program_index, title="Never published", live=False
    )
    restricted = factories.PartnerPageFactory(parent=partner_index, title="Members-only partner")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = factories.PartnerPageFactory(parent=partner_index, title="Expired partner")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()  # no worker has unpublished it yet
    for linked_program in (program, unpublished, never_published):
        factories.ArticleProgramFactory(article=article, program=linked_program)
    for linked_partner in (partner, restricted, expired):
        factories.ArticlePartnerFactory(article=article, partner=linked_partner)
    return article


def related_titles(data):
    return {
        name: [item["title"] for item in data[name]]
        for name in ("related_programs", "related_partners")
    }


@pytest.mark.parametrize("reader", ["anonymous", "secondee", "comms"])
def test_relations_show_only_public_pages_to_every_reader(
    client, linked_article, program, partner, reader, request
):
    headers = {}
    if reader != "anonymous":
        headers["Authorization"] = f"Bearer {token_for(request.getfixturevalue(reader))}"

    response = client.get(f"/api/v3/pages/{linked_article.pk}/", headers=headers)

    assert response.status_code == 200, response.content
    expected = {"related_programs": [program.title], "related_partners": [partner.title]}
    assert related_titles(response.json()) == expected
    assert related_titles(get_json(client, f"/api/v2/pages/{linked_article.pk}/")) == expected


def test_a_page_leaves_v3_the_moment_it_expires(client, make_article):
    """With no worker to unpublish it: v3's detail, listing and find follow the clock as v2 does."""
    article = make_article(title="Expiring")
    article.expire_at = timezone.now() + datetime.timedelta(seconds=40)
    article.save()
    assert client.get(f"/api/v3/pages/{article.pk}/").status_code == 200

    with time_machine.travel(article.expire_at + datetime.timedelta(seconds=1)):
        assert client.get(f"/api/v3/pages/{article.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
        listing = get_json(client, "/api/v3/pages/", type="blog.ArticlePage")
        assert article.pk not in [item["id"] for item in listing["items"]]
        assert client.get("/api/v3/pages/find/", {"id": article.pk}).status_code == 404


def test_programs_and_partners_read_in_v3(client, program, partner):
    program_data = get_json(client, f"/api/v3/pages/{program.pk}/")
    partner_data = get_json(client, f"/api/v3/pages/{partner.pk}/")

    assert program_data["country"] == get_json(client, f"/api/v2/pages/{program.pk}/")["country"]
    assert program_data["calendar"]["ics"] == f"http://localhost/programs/{program.pk}/calendar.ics"
    assert [item["title"] for item in program_data["partners"]] == [partner.title]
    assert partner_data["country"] == "KR" or partner_data["country"] is None
    assert [item["title"] for item in partner_data["programs"]] == [program.title]


def test_a_program_patched_and_published_through_v3(client, program, comms):
    token = token_for(comms)

    response = client.patch(
        f"/api/v3/pages/{program.pk}/",
        data=json.dumps(
            {"meta": {"type": "programs.ProgramPage", "action": "publish"}, "title": "Renamed"}
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Renamed"
    assert get_json(client, f"/api/v2/pages/{program.pk}/")["title"] == "Renamed"


def test_a_write_answered_with_an_error_changes_nothing(client, program, comms, monkeypatch):
    """Wagtail publishes before it validates its answer: an answer that fails undoes the write."""
    token = token_for(comms)
    revisions = program.revisions.count()
    # A response field that cannot be read: the write itself is valid.
    monkeypatch.setattr(ProgramPage, "status", property(lambda page: 1 / 0), raising=True)

    response = client.patch(
        f"/api/v3/pages/{program.pk}/",
        data=json.dumps(
            {"meta": {"type": "programs.ProgramPage", "action": "publish"}, "title": "Half-done"}
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 422, response.content
    program.refresh_from_db()
    assert program.title != "Half-done"
    assert program.revisions.count() == revisions


def test_an_invalid_write_changes_nothing(client, program, comms):
    token = token_for(comms)
    revisions = program.revisions.count()

    response = client.patch(
        f"/api/v3/pages/{program.pk}/",
        data=json.dumps(
            {
                "meta": {"type": "programs.ProgramPage", "action": "publish"},
                "title": "Badly slugged",
                "slug": "not a slug!",
            }
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert 400 <= response.status_code < 500, response.content
    program.refresh_from_db()
    assert program.title != "Badly slugged"
    assert program.revisions.count() == revisions


def test_anonymous_v3_search_finds_public_pages_only(client, make_article):
    """Search filters on indexed fields only: the public rule reaches it through the page id."""
    make_article(title="Rainwater harvesting in Hue")
    restricted = make_article(title="Rainwater budget for members")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    found = get_json(client, "/api/v3/pages/", search="rainwater")

    assert [item["title"] for item in found["items"]] == ["Rainwater harvesting in Hue"]


def test_redirects_are_listed_only_to_those_who_manage_them(
    client, make_article, comms, admin_user
):
    """Wagtail lists them to anyone, with the page each leads to: a private page's new address."""
    private = make_article(slug="internal-review")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    Redirect.add_redirect("/en/blog/review/", redirect_to=private)

    for path in ("/api/v3/redirects/", "/api/v3/redirects/find/?html_path=/en/blog/review/"):
        refused = client.get(path)
        assert refused.status_code == 401
        assert refused["WWW-Authenticate"] == "Bearer"
        assert "internal-review" not in refused.content.decode()

    # The communications team does not manage redirects in the admin either.
    forbidden = client.get(
        "/api/v3/redirects/", headers={"Authorization": f"Bearer {token_for(comms)}"}
    )
    assert forbidden.status_code == 403
    assert "/en/blog/review" not in forbidden.content.decode()

    listed = client.get(
        "/api/v3/redirects/", headers={"Authorization": f"Bearer {token_for(admin_user)}"}
    ).json()
    assert [item["old_path"] for item in listed["items"]] == ["/en/blog/review"]


def test_the_v3_description_says_redirects_need_a_token(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    redirects = [path for path in paths if "/redirects/" in path]

    assert redirects
    for path in redirects:
        for operation in paths[path].values():
            assert {} not in operation["security"], path
    assert {} in paths["/api/v3/pages/"]["get"]["security"]
