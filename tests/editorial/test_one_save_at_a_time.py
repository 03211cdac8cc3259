"""
Saves of one page or profile run one at a time (decision 0145): an edit POST, autosave or manual,
holds the object's row until it has saved, so an autosave that passed Wagtail's out-of-date check
cannot land after a later save and make the older text the latest version.
"""

import pytest
from django.contrib.admin.utils import quote
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from tests import factories
from tests.editorial.forms import edit_form_data

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; SQLite's IMMEDIATE transactions lock the database",
    ),
]
SAVES = pytest.mark.parametrize(
    ("accept", "status"), [("text/html", 302), ("application/json", 200)], ids=["save", "autosave"]
)


def post_capturing_queries(client, url, data, accept):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, HTTP_ACCEPT=accept)
    return response, [query["sql"] for query in queries]


def assert_held_from_check_to_revision(statements, table):
    """The object's row was locked before Wagtail read its latest revision and wrote its own."""
    locked = [
        index
        for index, sql in enumerate(statements)
        if f'FROM "{table}"' in sql and sql.endswith("FOR UPDATE")
    ]
    checked = [i for i, sql in enumerate(statements) if 'FROM "wagtailcore_revision"' in sql]
    saved = [
        i
        for i, sql in enumerate(statements)
        if sql.startswith('INSERT INTO "wagtailcore_revision"')
    ]
    assert locked and checked and saved
    assert locked[0] < checked[0] and locked[0] < saved[0]


@SAVES
def test_a_save_holds_the_page_from_its_check_to_its_revision(comms, live_article, accept, status):
    client = Client()
    client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    data = edit_form_data(client, live_article, title="With the photo")

    response, statements = post_capturing_queries(client, url, data, accept)

    assert response.status_code == status
    assert_held_from_check_to_revision(statements, "wagtailcore_page")
    live_article.refresh_from_db()
    assert live_article.get_latest_revision_as_object().title == "With the photo"


@SAVES
def test_a_save_holds_the_profile_from_its_check_to_its_revision(comms, accept, status):
    person = factories.PersonFactory(name="Park Min-ji", bio="Urban planner.")
    person.save_revision().publish()
    client = Client()
    client.force_login(comms)
    url = reverse("wagtailsnippets_people_person:edit", args=[quote(person.pk)])
    page = client.get(url).content.decode()
    data = querydict_from_html(page, form_id="w-editor-form")
    data["bio"] = "Urban planner, Seoul."

    response, statements = post_capturing_queries(client, url, data, accept)

    assert response.status_code == status
    assert_held_from_check_to_revision(statements, "people_person")
    person.refresh_from_db()
    assert person.latest_revision.as_object().bio == "Urban planner, Seoul."
