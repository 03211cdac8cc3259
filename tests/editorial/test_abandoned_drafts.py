"""
Issue 26: a new-page tab that autosaved and was closed must not keep its slug from the next new
page; a draft someone saved, or that is open in an editor, keeps its slug (decision 0206).
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from blog.models import ArticlePage
from tests.editorial.forms import edit_form_data

pytestmark = pytest.mark.django_db

TITLE = "Water for every city"
SLUG = "water-for-every-city"
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def without_inline_rows(data):
    for key in [key for key in data if key.endswith("-TOTAL_FORMS")]:
        data[key] = "0"  # no author chosen yet: the form's empty author row is left out
    return data


def new_article_form(client, blog_index):
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    response = client.get(url)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    data.update({"title": TITLE, "slug": SLUG, "standfirst": "How cities share water."})
    return url, without_inline_rows(data)


def start_a_new_article(client, blog_index, **headers):
    """Fill in a new article and let it be saved: by autosave with AUTOSAVE, else by a click."""
    url, data = new_article_form(client, blog_index)
    response = client.post(url, data, **headers)
    assert response.status_code in (200, 302), response.content
    return ArticlePage.objects.get(title=TITLE, slug=SLUG)


def abandon(draft):
    """The draft's tab was closed a while ago: its last autosave is two minutes old."""
    Page.objects.filter(pk=draft.pk).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(minutes=2)
    )


def test_an_abandoned_autosaved_draft_gives_its_slug_to_the_next_new_page(
    client, secondee, blog_index
):
    client.force_login(secondee)
    abandoned = start_a_new_article(client, blog_index, **AUTOSAVE)
    abandon(abandoned)

    url, data = new_article_form(client, blog_index)
    response = client.post(url, data)

    assert response.status_code == 302  # saved, no "slug already in use"
    new = ArticlePage.objects.exclude(pk=abandoned.pk).get(title=TITLE)
    assert new.slug == SLUG
    abandoned.refresh_from_db()
    assert abandoned.slug == f"{SLUG}-1"
    assert abandoned.get_latest_revision_as_object().slug == f"{SLUG}-1"  # what its editor shows
    assert abandoned.get_latest_revision_as_object().title == TITLE  # nothing else lost


def test_a_draft_someone_saved_keeps_its_slug(client, secondee, blog_index):
    client.force_login(secondee)
    start_a_new_article(client, blog_index)  # Save draft clicked

    url, data = new_article_form(client, blog_index)
    response = client.post(url, data)

    assert response.status_code == 200
    assert f"The slug &#x27;{SLUG}&#x27; is already in use" in response.content.decode()


def test_an_autosaved_draft_saved_later_keeps_its_slug(client, secondee, blog_index):
    client.force_login(secondee)
    draft = start_a_new_article(client, blog_index, **AUTOSAVE)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    save_draft = without_inline_rows(edit_form_data(client, draft))
    assert client.post(edit_url, save_draft).status_code == 302
    EditingSession.objects.all().delete()  # and the tab closed
    abandon(draft)

    url, data = new_article_form(client, blog_index)

    assert client.post(url, data).status_code == 200  # the slug is taken
    draft.refresh_from_db()
    assert draft.slug == SLUG


def test_an_autosaved_draft_open_in_an_editor_keeps_its_slug(client, secondee, blog_index):
    client.force_login(secondee)
    draft = start_a_new_article(client, blog_index, **AUTOSAVE)
    abandon(draft)
    EditingSession.objects.create(  # its tab still open: the editor pings
        user=secondee,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(draft.pk),
        last_seen_at=timezone.now(),
    )

    url, data = new_article_form(client, blog_index)

    assert client.post(url, data).status_code == 200
    draft.refresh_from_db()
    assert draft.slug == SLUG


def test_a_draft_autosaved_a_moment_ago_keeps_its_slug(client, secondee, blog_index):
    """
    The form that autosave has just turned into a page posts again to the create view before
    Wagtail's editing session of the page has started (a Save pressed during that autosave, in
    a tab without the editor script, or a second tab): it is told the slug is taken, and the
    draft is neither moved nor made twice (decision 0270).
    """
    client.force_login(secondee)
    draft = start_a_new_article(client, blog_index, **AUTOSAVE)

    url, data = new_article_form(client, blog_index)
    response = client.post(url, data)

    assert response.status_code == 200
    assert f"The slug &#x27;{SLUG}&#x27; is already in use" in response.content.decode()
    assert list(ArticlePage.objects.filter(title=TITLE)) == [draft]
    draft.refresh_from_db()
    assert draft.slug == SLUG
