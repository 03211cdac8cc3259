"""
Saves of one page run one at a time (decision 0145): an edit POST, autosave or manual, holds the
page's row until it has saved, so an autosave that passed Wagtail's out-of-date check cannot
land after a later save and make the older text the page's latest version.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.editorial.forms import edit_form_data

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; SQLite's IMMEDIATE transactions lock the database",
    ),
]


@pytest.mark.parametrize(
    ("accept", "status"), [("text/html", 302), ("application/json", 200)], ids=["save", "autosave"]
)
def test_a_save_holds_the_page_from_its_check_to_its_revision(comms, live_article, accept, status):
    client = Client()
    client.force_login(comms)
    url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    data = edit_form_data(client, live_article, title="With the photo")

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, HTTP_ACCEPT=accept)

    assert response.status_code == status
    statements = [query["sql"] for query in queries]
    locked = [
        index
        for index, sql in enumerate(statements)
        if 'FROM "wagtailcore_page"' in sql and sql.endswith("FOR UPDATE")
    ]
    saved = [
        i
        for i, sql in enumerate(statements)
        if sql.startswith('INSERT INTO "wagtailcore_revision"')
    ]
    assert locked and saved and locked[0] < saved[0]
    # Wagtail reads the latest revision, to check the form against it, only once it holds the page.
    checked = [i for i, sql in enumerate(statements) if 'FROM "wagtailcore_revision"' in sql]
    assert locked[0] < checked[0]
    live_article.refresh_from_db()
    assert live_article.get_latest_revision_as_object().title == "With the photo"
