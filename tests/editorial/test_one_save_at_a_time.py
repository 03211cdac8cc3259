"""
An autosave that passed Wagtail's out-of-date check just before the author saved or submitted
cannot land after that save and make the older text the page's latest version (decision 0145).
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.admin.views.pages.edit import EditView

from tests.editorial.forms import edit_form_data

WAIT = 10  # seconds, at most, for a step of the other request


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the SQLite test database lives in shared memory, where a writer that finds the "
    "database locked fails at once instead of waiting; runs on PostgreSQL",
)
def test_an_autosave_checked_before_a_save_cannot_replace_it(comms, live_article, monkeypatch):
    autosaving, saving = Client(), Client()
    for client in (autosaving, saving):
        client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    stale = edit_form_data(autosaving, live_article, title="Before the photo")
    current = edit_form_data(saving, live_article, title="With the photo")

    # The autosave stops between Wagtail's check and its save, as a slow request would.
    checked, go_on = threading.Event(), threading.Event()
    save_action = EditView.save_action

    def paused_save_action(view):
        if view.expects_json_response:
            checked.set()
            go_on.wait(WAIT)
        return save_action(view)

    monkeypatch.setattr(EditView, "save_action", paused_save_action)
    responses = {}

    def post(name, client, data, **headers):
        try:
            responses[name] = client.post(url, data, **headers)
        finally:
            connection.close()

    autosave = threading.Thread(
        target=post,
        args=("autosave", autosaving, stale),
        kwargs={"HTTP_ACCEPT": "application/json"},
    )
    save = threading.Thread(target=post, args=("save", saving, current))
    autosave.start()
    assert checked.wait(WAIT), "the autosave did not reach its save"
    save.start()
    save.join(1)  # the save waits for the autosave holding the page
    go_on.set()
    autosave.join(WAIT)
    save.join(WAIT)

    assert responses["autosave"].status_code == 200
    assert responses["save"].status_code == 302
    live_article.refresh_from_db()
    assert live_article.get_latest_revision_as_object().title == "With the photo"
