"""
Anonymous readers get pages and API responses from the shared response cache until content
changes; nobody ever gets another reader's response or content the public may no longer see.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from citynet.delivery.cache import cache_public_responses
from tests import factories
from tests.editorial.forms import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(blog_index):
    return factories.ArticlePageFactory(parent=blog_index, title="Seoul opens its data")


def get_counting_queries(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.mark.parametrize("kind", ["html", "api"])
def test_a_repeated_request_costs_no_query(client, article, kind):
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    first, first_queries = get_counting_queries(client, url)

    again, queries = get_counting_queries(client, url)

    assert first.status_code == again.status_code == 200
    assert first_queries > 0 and queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert "Cookie" in again["Vary"]


def test_api_cache_keeps_etag_and_cache_control(client, article, settings):
    settings.API_CACHE_MAX_AGE = 300
    url = f"/api/v2/pages/{article.pk}/"
    first = client.get(url)

    again = client.get(url)

    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=300"
    assert client.get(url, headers={"If-None-Match": again["ETag"]}).status_code == 304


def test_browsers_revalidate_html_pages_that_shared_caches_keep(client, article, settings):
    """No purge reaches a browser: a reader who reloads an article must see its latest state."""
    settings.API_CACHE_MAX_AGE = 300
    client.get(article.url)

    again = client.get(article.url)

    assert again["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert client.get(article.url, headers={"If-None-Match": again["ETag"]}).status_code == 304


@pytest.mark.parametrize("kind", ["html", "api"])
def test_a_publish_shows_at_once(client, article, kind):
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    client.get(url)

    article.title = "Seoul opens all its data"
    article.save_revision().publish()

    assert "Seoul opens all its data" in client.get(url).content.decode()


@pytest.mark.parametrize("kind", ["html", "api"])
def test_an_unpublished_page_is_gone_at_once(client, article, kind):
    url = article.url if kind == "html" else f"/api/v2/pages/{article.pk}/"
    client.get(url)

    article.unpublish()

    assert client.get(url).status_code == 404


def test_editors_saving_drafts_keep_the_readers_copy(client, article):
    """Drafts (and their revisions, log entries, subscriptions) change nothing readers see."""
    factories.ArticleAuthorFactory(article=article)  # the edit form requires a byline
    client.get(article.url)
    editor = Client()
    editor.force_login(factories.UserFactory(is_superuser=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    draft = edit_form_data(editor, article, title="Seoul opens some data")

    assert editor.post(edit_url, draft).status_code == 302
    response, queries = get_counting_queries(client, article.url)

    assert queries == 0
    assert "Seoul opens its data" in response.content.decode()
    article.refresh_from_db()
    assert article.draft_title == "Seoul opens some data"


def test_a_page_made_private_is_not_served_from_the_cache(client, article):
    client.get(article.url)

    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(article.url)

    assert "Seoul opens its data" not in response.content.decode()
    assert b'name="password"' in response.content


def test_a_password_form_is_not_shared(client, article):
    """It carries the reader's CSRF token: a shared copy would break every other reader's form."""
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    client.get(article.url)

    _response, queries = get_counting_queries(client, article.url)

    assert queries > 0


def test_a_response_with_a_csrf_token_is_not_shared(rf):
    def form(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    view = cache_public_responses(form)
    first, second = view(rf.get("/form/")), view(rf.get("/form/"))

    assert first.content != second.content


def test_an_expired_page_leaves_the_api_cache_at_its_moment(client, article):
    """Even before the scheduler withdraws it (which the HTML page waits for, as in stock
    Wagtail: tests/delivery/test_timed.py), no cached API copy outlives the page's expiry."""
    article.expire_at = timezone.now() + datetime.timedelta(seconds=30)
    article.save_revision().publish()
    url = f"/api/v2/pages/{article.pk}/"
    client.get(url)
    assert get_counting_queries(client, url)[1] == 0

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=31)):
        assert client.get(url).status_code == 404


def test_editors_never_get_the_readers_copy_and_readers_never_get_theirs(client, article):
    client.get(article.url)  # cached for readers
    editor = factories.UserFactory(is_superuser=True)
    client.force_login(editor)

    as_editor = client.get(article.url).content.decode()
    client.logout()
    as_reader = client.get(article.url).content.decode()

    assert "wagtail-userbar" in as_editor
    assert "wagtail-userbar" not in as_reader


def test_authenticated_api_responses_are_not_stored(client, article):
    url = f"/api/v2/pages/{article.pk}/"
    client.force_login(factories.UserFactory())
    client.get(url)
    client.logout()

    _response, queries = get_counting_queries(client, url)

    assert queries > 0


def test_each_host_has_its_own_copy(client, article):
    """Sites are told apart by host: one site's copy must not answer for another."""
    client.get(article.url)

    response, queries = get_counting_queries(client, article.url, HTTP_HOST="localhost")

    assert response.status_code == 200
    assert queries > 0


def test_off_without_a_shared_cache(client, article, settings):
    settings.RESPONSE_CACHE = False
    client.get(article.url)

    _response, queries = get_counting_queries(client, article.url)

    assert queries > 0
