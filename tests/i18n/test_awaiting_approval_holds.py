"""
A translation awaiting approval stays as it was submitted until its reviewer acts (issue 26,
decision 0290): no route of wagtail-localize or Wagtail lets its author put it live, turn it into
an alias, stop it, delete it or move it meanwhile.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page

from tests.i18n.test_translation_review import submitted  # noqa: F401 (a fixture)
from tests.i18n.test_translation_rights import (
    korean_article,  # noqa: F401 (a fixture)
    refused,
    translation_into_korean,
)


def convert_url(page):
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


def stop_url(translation):
    return reverse("wagtail_localize:stop_translation", args=[translation.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.django_db
def test_the_author_cannot_convert_a_translation_awaiting_approval_into_an_alias(
    client,
    secondee,
    own_article,
    submitted,  # noqa: F811
):
    client.force_login(secondee)
    shown = client.get(convert_url(submitted))
    posted = client.post(convert_url(submitted))

    submitted.refresh_from_db()
    assert shown.status_code == 302 and shown.url == edit_url(submitted)
    assert posted.status_code == 302 and posted.url == edit_url(submitted)
    assert "awaiting moderation" in messages_of(posted)[0]
    assert submitted.alias_of_id is None and not submitted.live
    assert submitted.workflow_in_progress
    assert translation_into_korean(own_article).enabled


@pytest.mark.django_db
def test_converting_into_an_alias_is_left_to_those_who_may_publish(
    client,
    secondee,
    comms,
    own_article,
    korean_article,  # noqa: F811
):
    client.force_login(secondee)  # not submitted yet, but an alias goes live at once
    assert client.get(convert_url(korean_article)).status_code == 302

    client.force_login(comms)
    assert client.get(convert_url(korean_article)).status_code == 200
    client.post(convert_url(korean_article))
    korean_article.refresh_from_db()
    assert korean_article.alias_of_id == own_article.pk


@pytest.mark.django_db
def test_the_author_cannot_stop_a_translation_awaiting_approval(
    client,
    secondee,
    own_article,
    submitted,  # noqa: F811
):
    translation = translation_into_korean(own_article)
    client.force_login(secondee)
    response = client.post(stop_url(translation), {"next": edit_url(submitted)})

    translation.refresh_from_db()
    assert response.status_code == 302 and response.url == edit_url(submitted)
    assert "awaiting moderation" in messages_of(response)[0]
    assert translation.enabled


@pytest.mark.django_db
def test_the_author_may_stop_their_translation_before_submitting_it(
    client,
    secondee,
    own_article,
    korean_article,  # noqa: F811
):
    translation = translation_into_korean(own_article)
    client.force_login(secondee)
    client.post(stop_url(translation), {"next": edit_url(korean_article)})

    translation.refresh_from_db()
    assert not translation.enabled


@pytest.mark.django_db
def test_the_author_cannot_delete_or_move_a_translation_awaiting_approval(
    client,
    secondee,
    submitted,  # noqa: F811
    korean_blog_index,
):
    client.force_login(secondee)
    delete_url = reverse("wagtailadmin_pages:delete", args=[submitted.pk])
    move_url = reverse("wagtailadmin_pages:move", args=[submitted.pk])

    assert refused(client.get(delete_url))
    assert refused(client.post(delete_url))
    assert refused(client.get(move_url))
    assert Page.objects.filter(pk=submitted.pk).exists()
    rights = Page.objects.get(pk=submitted.pk).permissions_for_user(secondee)
    assert not rights.can_delete() and not rights.can_move()
    editor = client.get(edit_url(submitted)).content.decode()  # the translation editor's props
    assert "&quot;canDelete&quot;: false" in editor


@pytest.mark.django_db
def test_the_author_may_delete_their_translation_before_submitting_it(
    client,
    secondee,
    korean_article,  # noqa: F811
):
    client.force_login(secondee)
    assert (
        client.get(reverse("wagtailadmin_pages:delete", args=[korean_article.pk])).status_code
        == 200
    )


@pytest.mark.django_db
def test_the_reviewer_may_still_delete_a_translation_awaiting_approval(
    comms,
    submitted,  # noqa: F811
):
    assert Page.objects.get(pk=submitted.pk).permissions_for_user(comms).can_delete()


@pytest.mark.django_db
def test_reverting_to_an_earlier_revision_is_refused_while_awaiting_approval(
    client,
    secondee,
    submitted,  # noqa: F811
):
    revisions = submitted.revisions.order_by("created_at")
    earliest, latest = revisions.first(), revisions.last()
    client.force_login(secondee)
    client.post(
        edit_url(submitted),
        {"title": "Reverted", "slug": submitted.slug, "revision": earliest.pk},
    )

    submitted.refresh_from_db()
    assert submitted.get_latest_revision() == latest
