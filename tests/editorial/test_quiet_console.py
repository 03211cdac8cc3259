"""
A normal editing session leaves the console quiet (issue 26, finding 5): no log line for each
autosave of a form not valid yet, and no failed reference-index task for an inline child that
was replaced before the worker ran. The same session in a real browser, with the worker's and
the server's logs read: tests/i18n/test_e2e_quiet_console.py.
"""

import logging

import pytest
from django.urls import reverse
from django_tasks.signals import task_enqueued
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests import factories


@pytest.mark.django_db
def test_an_autosave_of_an_incomplete_page_is_not_logged(client, secondee, blog_index, caplog):
    client.force_login(secondee)
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])

    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    form.update(nested_form_data({"body": streamfield([])}))  # written by the editor's script
    form["title"] = "Half written"  # no standfirst, author or body yet

    with caplog.at_level(logging.INFO, logger="django.request"):
        autosave = client.post(url, form, headers={"Accept": "application/json"})
        listing = client.get("/api/v2/pages/", {"no_such_filter": "1"})

    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "validation_error"
    assert listing.status_code == 400
    assert [record.getMessage() for record in caplog.records] == ["Bad Request: /api/v2/pages/"]


@pytest.mark.django_db
def test_an_inline_child_queues_the_reference_index_update_of_its_page(draft_article, author):
    queued = []

    def remember(sender, task_result, **kwargs):
        queued.append(tuple(task_result.args))

    task_enqueued.connect(remember)
    try:
        factories.ArticleAuthorFactory(article=draft_article, person=author)
    finally:
        task_enqueued.disconnect(remember)

    assert queued == [("blog", "articlepage", str(draft_article.pk))]
