"""
A staff member's own profile, and its translations, are drafts until the Communications team
approves them (issue #17, decision 0125): readers, the API, the cache and webhooks see only the
live person.
"""

import importlib
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail_localize.models import StringSegment

from citynet.people.models import Person
from citynet.webhooks.models import Delivery
from tests import factories
from tests.delivery.conftest import is_cached
from tests.i18n.test_translation_rights import (
    korean_of,
    refused,
    start,
    submit_snippet_url,
    translate_every_segment,
    translation_into_korean,
)
from tests.webhooks.conftest import subscribe


def edit_url(person):
    return reverse("wagtailsnippets_people_person:edit", args=[quote(person.pk)])


def submit_url(translated_person):
    return reverse(
        "i18n_submit_snippet_translation_for_approval",
        args=["people", "person", quote(translated_person.pk)],
    )


def translate_name(client, person, value):
    """Translate the person's name into Korean in the segment editor."""
    translation = translation_into_korean(person)
    segment = StringSegment.objects.get(source=translation.source, string__data=person.name)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def profile_form(person, **changes):
    fields = {name: getattr(person, name) for name in ("name", "role", "organisation", "bio")}
    return {**fields, "photo": "", **changes}


def approve(client, person):
    task_state = person.current_workflow_state.current_task_state
    url = reverse(
        "wagtailsnippets_people_person:workflow_action",
        args=[quote(person.pk), "approve", task_state.pk],
    )
    return client.post(url, {"comment": ""})


def person_events():
    return list(Delivery.objects.filter(event="snippet.changed").values_list("body", flat=True))


def byline(client, page):
    """The author names of `page`, as the API gives them to anonymous readers."""
    return [person["name"] for person in client.get(f"/api/v2/pages/{page.pk}/").json()["authors"]]


@pytest.fixture
def own_profile(secondee):
    return factories.PersonFactory(name="Park Min-ji", user=secondee)


@pytest.fixture
def article(blog_index, secondee, own_profile):
    """A live English article by the secondee, with their profile as its byline."""
    article = factories.ArticlePageFactory(
        parent=blog_index, title="Water for every city", owner=secondee
    )
    factories.ArticleAuthorFactory(article=article, person=own_profile)
    article.save_revision().publish()
    return article


@pytest.fixture
def korean_article(article, korean_home_page, korean_blog_index, korean):
    """Its Korean translation, published after the profile's translation was started: the
    byline then points at the Korean profile (citynet/i18n/signals.py)."""
    korean_home_page.refresh_from_db()  # its blog section was added since
    korean_home_page.save_revision().publish()

    def publish():
        translation = article.copy_for_translation(korean)
        translation.save_revision().publish()
        return translation

    return publish


@pytest.fixture
def webhooks(db):
    """A subscription to every event: each public event makes a delivery row."""
    return subscribe("http://127.0.0.1:9/hooks")


@pytest.fixture
def korean_draft(client, secondee, own_profile):
    """The secondee's profile translated into Korean and submitted for approval."""
    client.force_login(secondee)
    start(client, own_profile, "ko")
    translate_every_segment(client, translation_into_korean(own_profile), name="박민지")
    client.post(submit_url(korean_of(own_profile)))
    client.logout()
    return korean_of(own_profile)


# Editing the profile


@pytest.mark.django_db
def test_existing_people_stay_live_with_their_content_as_a_revision(own_profile):
    assert own_profile.live
    assert own_profile.live_revision is None  # factories save directly, as imports do

    migration = importlib.import_module(
        "citynet.people.migrations.0003_drafts_revisions_and_workflow"
    )
    migration.revise_existing_people(apps, None)

    own_profile.refresh_from_db()
    assert own_profile.live
    assert own_profile.live_revision == own_profile.latest_revision
    assert own_profile.live_revision.as_object().name == "Park Min-ji"


@pytest.mark.django_db
def test_secondee_edit_of_own_profile_is_a_draft_readers_do_not_see(
    client, secondee, own_profile, article, webhooks
):
    anonymous_html = article.url
    assert "Park Min-ji" in client.get(anonymous_html).content.decode()
    client.force_login(secondee)

    response = client.post(edit_url(own_profile), profile_form(own_profile, bio="Draft bio."))

    own_profile.refresh_from_db()
    assert response.status_code == 302
    assert own_profile.has_unpublished_changes
    assert own_profile.get_latest_revision_as_object().bio == "Draft bio."
    assert own_profile.bio != "Draft bio."
    client.logout()
    assert is_cached(client, anonymous_html)  # a draft save purges nothing
    assert "Draft bio." not in client.get(f"/api/v2/people/{own_profile.pk}/").content.decode()
    assert person_events() == []


@pytest.mark.django_db
def test_secondee_cannot_publish_own_profile(client, secondee, own_profile):
    client.force_login(secondee)

    form = client.get(edit_url(own_profile))
    response = client.post(
        edit_url(own_profile), {**profile_form(own_profile, name="Min-ji"), "action-publish": "1"}
    )

    own_profile.refresh_from_db()
    assert b"action-publish" not in form.content
    assert b"action-submit" in form.content
    # A secondee has no publish action: the posted one is ignored and the change saved as a draft.
    assert response.status_code == 302
    assert own_profile.name == "Park Min-ji"
    assert own_profile.get_latest_revision_as_object().name == "Min-ji"


@pytest.mark.django_db
def test_communications_approval_publishes_the_edit_once(
    client, secondee, comms, own_profile, article, webhooks
):
    client.get(article.url)
    client.force_login(secondee)
    client.post(
        edit_url(own_profile),
        {**profile_form(own_profile, bio="Approved bio."), "action-submit": "1"},
    )
    own_profile.refresh_from_db()
    assert own_profile.workflow_in_progress
    assert own_profile.bio != "Approved bio."

    client.force_login(comms)
    response = approve(client, own_profile)

    own_profile.refresh_from_db()
    assert response.status_code in (200, 302)
    assert own_profile.live and own_profile.bio == "Approved bio."
    client.logout()
    assert not is_cached(client, article.url)
    assert "Approved bio." in client.get(article.url).content.decode()
    assert len(person_events()) == 1


@pytest.mark.django_db
def test_other_secondee_cannot_edit_translate_or_approve_the_profile(
    client, other_secondee, own_profile, korean_draft
):
    client.force_login(other_secondee)

    assert refused(client.get(edit_url(own_profile)))
    assert refused(client.post(edit_url(own_profile), profile_form(own_profile, name="X")))
    assert refused(client.get(submit_snippet_url(own_profile)))
    assert refused(client.post(submit_url(korean_draft)))
    assert refused(approve(client, korean_draft))
    # Nor see its drafts and history.
    draft = korean_draft.latest_revision_id
    for name, kwargs in [
        ("history", {}),
        ("workflow_history", {}),
        ("revisions_compare", {"revision_id_a": "earliest", "revision_id_b": draft}),
        ("revisions_revert", {"revision_id": draft}),
    ]:
        url = reverse(
            f"wagtailsnippets_people_person:{name}", kwargs={"pk": korean_draft.pk, **kwargs}
        )
        assert refused(client.get(url)), name
    korean_draft.refresh_from_db()
    assert not korean_draft.live
    assert Person.objects.get(pk=own_profile.pk).name == "Park Min-ji"


# Translating the profile


@pytest.mark.django_db
def test_secondee_translation_of_own_profile_awaits_approval(
    client, secondee, own_profile, korean_draft
):
    client.force_login(secondee)
    editor = client.get(edit_url(korean_draft))

    assert not korean_draft.live
    assert korean_draft.workflow_in_progress
    assert korean_draft.get_latest_revision_as_object().name == "박민지"
    assert b"awaiting approval" in editor.content
    # wagtail-localize's own publish button is refused.
    assert refused(client.post(edit_url(korean_draft), {"action": "publish"}))
    korean_draft.refresh_from_db()
    assert not korean_draft.live


@pytest.mark.django_db
def test_korean_byline_falls_back_to_the_source_until_approved(
    client, comms, own_profile, korean_draft, korean_article, webhooks
):
    article = korean_article()
    assert article.authors.get().person == korean_draft  # linked, but not live

    html = client.get(article.url).content.decode()
    assert "박민지" not in html and "Park Min-ji" in html
    assert byline(client, article) == ["Park Min-ji"]
    people = client.get("/api/v2/people/?locale=ko").json()
    assert people["items"] == []
    assert client.get(f"/api/v2/people/{korean_draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/people/?translation_of={own_profile.pk}").json()["items"] == []
    blog = client.get(f"/ko/blog/?author={korean_draft.pk}")  # not a choice: a form error
    assert blog.status_code == 200
    assert f'<option value="{korean_draft.pk}"' not in blog.content.decode()
    assert person_events() == []

    client.force_login(comms)
    approve(client, korean_draft)
    client.logout()

    korean_draft.refresh_from_db()
    assert korean_draft.live and korean_draft.name == "박민지"
    assert not is_cached(client, article.url)
    assert "박민지" in client.get(article.url).content.decode()
    assert byline(client, article) == ["박민지"]
    assert len(person_events()) == 1


@pytest.mark.django_db
def test_retranslating_a_live_profile_keeps_the_live_version(
    client, secondee, comms, own_profile, korean_draft, korean_article, webhooks
):
    client.force_login(comms)
    approve(client, korean_draft)
    article = korean_article()
    client.force_login(secondee)
    events_before = person_events()

    translate_name(client, own_profile, "박 민지")
    response = client.post(submit_url(korean_draft))

    korean_draft.refresh_from_db()
    assert response.status_code == 302
    assert korean_draft.live and korean_draft.name == "박민지"
    assert korean_draft.workflow_in_progress
    assert korean_draft.get_latest_revision_as_object().name == "박 민지"
    client.logout()
    assert byline(client, article) == ["박민지"]
    assert person_events() == events_before


@pytest.mark.django_db
def test_anonymous_gets_no_draft_and_no_action(client, own_profile, korean_draft):
    response = client.post(submit_url(korean_draft))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    listed = [item["id"] for item in client.get("/api/v2/people/").json()["items"]]
    # The Korean draft's row still holds the English text: search finds only the live person.
    found = [item["id"] for item in client.get("/api/v2/people/?search=Park").json()["items"]]
    assert listed == found == [own_profile.pk]


@pytest.mark.django_db
def test_a_snippet_without_drafts_has_nothing_to_submit(client, comms):
    theme = factories.ThemeFactory(name="Water")
    client.force_login(comms)

    url = reverse(
        "i18n_submit_snippet_translation_for_approval", args=["taxonomy", "theme", theme.pk]
    )

    assert refused(client.post(url))
