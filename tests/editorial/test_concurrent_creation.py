"""
Two creates of a page under one parent, sent at the same moment to a real threaded server
(decision 0270): the autosave that creates a new article and a Save pressed in the same form,
or two tabs. One page is made; the other request gets the form back saying the slug is taken,
never a server error and never a second page. Without the parent's lock both found the slug free.
"""

import threading

import pytest
import requests
from django.utils.text import slugify
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests.live.sites import PASSWORD

pytestmark = pytest.mark.e2e

AUTOSAVE = {"Accept": "application/json"}
SAVE = {"Accept": "text/html"}

ARTICLES_TITLED = """
from blog.models import ArticlePage
print(ArticlePage.objects.filter(title={title!r}).count())
"""


def signed_in(site, username):
    session = requests.Session()
    session.get(f"{site.url}/admin/login/")
    response = session.post(
        f"{site.url}/admin/login/",
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{site.url}/admin/login/"},
    )
    assert response.url == f"{site.url}/admin/", response.url
    return session


def create_form(session, site, title):
    """The new-article form as the editor's browser would post it, filled in with `title`."""
    url = f"{site.url}/admin/pages/add/blog/articlepage/{site.blog_index_id}/"
    data = querydict_from_html(session.get(url).text, form_id="page-edit-form")
    data["title"] = title
    data["slug"] = slugify(title)
    data["standfirst"] = "Sent twice at the same moment."
    # The body's fields are written by the editor's script, which this client does not run.
    body = streamfield([("paragraph", rich_text("<p>Sent twice at the same moment.</p>"))])
    data.update(nested_form_data({"body": body}))
    return url, [(name, value) for name, values in data.lists() for value in values]


def post_together(requests_to_send):
    """Send each (session, url, data, headers) at once, from its own thread; the responses."""
    start = threading.Barrier(len(requests_to_send))
    responses = [None] * len(requests_to_send)

    def send(index, session, url, data, headers):
        headers = {**headers, "Referer": url, "X-CSRFToken": session.cookies["csrftoken"]}
        start.wait()
        responses[index] = session.post(url, data=data, headers=headers, allow_redirects=False)

    threads = [
        threading.Thread(target=send, args=(index, *request))
        for index, request in enumerate(requests_to_send)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def outcome(response):
    """What the editor is told: the page was created, its slug is taken, or something else."""
    if response.headers["Content-Type"].startswith("application/json"):
        answer = response.json()
        if answer["success"]:
            return "created"
        if answer["error_code"] == "validation_error":
            return "slug taken"
    elif response.status_code == 302 and response.headers["Location"].endswith("/edit/"):
        return "created"
    elif response.status_code == 200 and "is already in use within the parent page" in (
        response.text
    ):
        return "slug taken"
    return f"{response.status_code}: {response.text[:300]}"


@pytest.mark.parametrize("second", [AUTOSAVE, SAVE], ids=["two-autosaves", "autosave-and-save"])
def test_two_creates_under_one_parent_make_one_page(live_site, second):
    title = f"Open data, created twice ({'autosave' if second is AUTOSAVE else 'save'})"
    # The autosave and the Save of one tab, or two tabs of one editor: one session each way.
    first_tab = signed_in(live_site, "secondee")
    other = signed_in(live_site, "secondee")
    url, data = create_form(first_tab, live_site, title)

    responses = post_together([(first_tab, url, data, AUTOSAVE), (other, url, data, second)])

    assert sorted(outcome(response) for response in responses) == ["created", "slug taken"]
    assert live_site.shell(ARTICLES_TITLED.format(title=title)) == "1"
