"""Two people editing the same page: the second save is clearly warned, and nothing is lost."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.editorial.forms import edit_form_data


@pytest.mark.django_db
def test_second_save_warns_and_keeps_both_versions(comms, admin_user, live_article):
    comms.first_name, comms.last_name = "Ayu", "Pratiwi"
    comms.save()
    first, second = Client(), Client()
    first.force_login(comms)
    second.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    first_form = edit_form_data(first, live_article, title="First editor's title")
    second_form = edit_form_data(second, live_article, title="Second editor's title")

    first_response = first.post(url, first_form)
    second_response = second.post(url, second_form)

    assert [m.level_tag for m in get_messages(first_response.wsgi_request)] == ["success"]
    warnings = [
        str(m) for m in get_messages(second_response.wsgi_request) if m.level_tag == "warning"
    ]
    assert len(warnings) == 1
    # By full name, as Wagtail's editing-sessions dialog names them.
    assert "Ayu Pratiwi saved this page" in warnings[0]
    assert "both are kept in the history" in warnings[0]
    titles = [revision.as_object().title for revision in live_article.revisions.order_by("pk")]
    assert titles[-2:] == ["First editor's title", "Second editor's title"]


@pytest.mark.django_db
def test_saving_an_up_to_date_form_gives_no_warning(comms, live_article):
    client = Client()
    client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])

    for title in ("One", "Two"):  # each save starts from a freshly loaded form
        response = client.post(url, edit_form_data(client, live_article, title=title))
        levels = [message.level_tag for message in get_messages(response.wsgi_request)]
        assert "warning" not in levels


def warnings_of(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


@pytest.mark.django_db
def test_another_tab_of_the_same_editor_warns(comms, live_article):
    """Issue 26: the same person saving from another tab replaced this form's version."""
    client = Client()
    client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    first_tab = edit_form_data(client, live_article, title="First tab")
    second_tab = edit_form_data(client, live_article, title="Second tab")

    client.post(url, second_tab)
    response = client.post(url, first_tab)

    [warning] = warnings_of(response)
    assert "You saved this page in another tab at" in warning


@pytest.mark.django_db
def test_an_own_autosave_still_in_flight_does_not_warn(comms, live_article):
    """Issue 26: the editor pressed Save while their tab's autosave overwrote its revision."""
    client = Client()
    client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    autosaved = client.post(
        url, edit_form_data(client, live_article, title="Autosaved"), HTTP_ACCEPT="application/json"
    ).json()
    form = edit_form_data(client, live_article, title="Saved")
    form["loaded_revision_id"] = str(autosaved["revision_id"])
    form["loaded_revision_created_at"] = autosaved["revision_created_at"]
    overwrite = {
        **form,
        "title": "Autosaved again",
        "overwrite_revision_id": form["loaded_revision_id"],
    }
    assert client.post(url, overwrite, HTTP_ACCEPT="application/json").json()["success"]

    response = client.post(url, form)

    assert warnings_of(response) == []
