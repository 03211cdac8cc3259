"""Reader comments in the content API: public threads, counts and posting from a front end."""

import json

import pytest

from comments.models import ReaderComment
from tests import factories
from tests.comments.conftest import aged_token, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(make_comment):
    first = make_comment(text="First", author_email="first@example.org", ip_address="192.0.2.9")
    reply = make_comment(parent=first, text="Reply", is_staff_reply=True)
    make_comment(parent=reply, text="Reply to reply")
    make_comment(text="Second")
    for status in ("pending", "spam", "removed"):
        make_comment(text=f"Hidden {status}", status=status)
    make_comment(parent=ReaderComment.objects.get(text="Hidden pending"), text="Orphan")
    return first


def test_approved_comments_as_threads(client, article, thread):
    data = client.get(f"/api/v2/comments/?page={article.pk}").json()

    assert data["meta"] == {"total_count": 2, "comment_count": 4}
    first, second = data["items"]
    assert (first["text"], second["text"]) == ("First", "Second")
    (reply,) = first["replies"]
    assert reply["is_staff_reply"] and reply["replies"][0]["text"] == "Reply to reply"
    assert set(first) == {
        "id",
        "author_name",
        "author_url",
        "is_staff_reply",
        "created_at",
        "text",
        "html",
        "replies",
    }


def test_no_email_ip_or_hidden_comment_in_any_public_response(client, article, thread):
    responses = [
        client.get(f"/api/v2/comments/?page={article.pk}"),
        client.get(f"/api/v2/pages/{article.pk}/"),
        client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "*"}),
        client.get(article.url),
    ]
    for response in responses:
        body = response.content.decode()
        assert response.status_code == 200
        assert "@example.org" not in body and "192.0.2." not in body
        assert "Hidden" not in body and "Orphan" not in body


def test_threads_are_paginated(client, article, make_comment):
    for number in range(5):
        make_comment(text=f"Comment {number}")

    data = client.get(f"/api/v2/comments/?page={article.pk}&limit=2&offset=2").json()

    assert data["meta"]["total_count"] == 5
    assert [item["text"] for item in data["items"]] == ["Comment 2", "Comment 3"]


@pytest.mark.parametrize(
    "query, status",
    [
        ("", 400),
        ("?page=abc", 400),
        ("?page=99999999999999999999", 400),
        ("?page=1&colour=red", 400),
        ("?page=1&limit=-1", 400),
        ("?page=999999", 404),
    ],
)
def test_bad_parameters(client, article, query, status):
    response = client.get(f"/api/v2/comments/{query.replace('page=1', f'page={article.pk}')}")
    assert response.status_code == status
    assert "message" in response.json()


def test_an_unpublished_pages_comments_are_not_public(client, article, make_comment):
    make_comment(text="On a page that goes away")
    article.unpublish()

    assert client.get(f"/api/v2/comments/?page={article.pk}").status_code == 404


def test_the_listing_is_cacheable(client, article, settings):
    settings.API_CACHE_MAX_AGE = 300
    response = client.get(f"/api/v2/comments/?page={article.pk}")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.has_header("ETag")


def test_comment_count_on_article_listings_and_details(client, article, other_article, thread):
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    listing = client.get(
        "/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "comment_count"}
    ).json()

    assert detail["comment_count"] == 5  # approved, the orphan reply included
    counts = {item["id"]: item["comment_count"] for item in listing["items"]}
    assert counts == {article.pk: 5, other_article.pk: 0}


def test_the_comment_count_costs_no_query_per_article(client, blog_index, make_comment):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "comment_count"})
        return len(queries)

    queries_for_listing()  # Wagtail's site and page-type lookups are cached from here on
    make_comment()
    few = queries_for_listing()
    for _ in range(3):
        make_comment(page=factories.ArticlePageFactory(parent=blog_index))
    assert queries_for_listing() == few


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_a_front_end_posts_with_a_token_from_the_api(client, article, comms):
    token_response = post_json(client, "/api/v2/comments/token/", {"page": article.pk})
    assert token_response.status_code == 200
    assert token_response["Cache-Control"] == "no-store"
    assert post_json(client, "/api/v2/comments/token/", {"page": "x"}).status_code == 400

    too_fast = post_json(
        client, "/api/v2/comments/", form_data(article, token=token_response.json()["token"])
    )
    assert too_fast.status_code == 400
    assert "very fast" in too_fast.json()["message"]

    response = post_json(client, "/api/v2/comments/", form_data(article))
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert response.json()["message"] == "Thank you: your comment awaits moderation."
    assert ReaderComment.objects.get().ip_address == "127.0.0.1"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"fax": "spam"}, "__all__"),
        ({"text": "x" * 3001}, "text"),
        ({"author_email": ["a@b.c"]}, "author_email"),
    ],
)
def test_the_api_applies_the_same_rules(client, article, overrides, field):
    response = post_json(client, "/api/v2/comments/", form_data(article, **overrides))
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ReaderComment.objects.exists()


def test_the_api_ignores_sessions(client, article, secondee):
    client.force_login(secondee)  # staff, but the API posts for anonymous readers only
    response = post_json(client, "/api/v2/comments/", form_data(article))
    assert response.status_code == 201
    comment = ReaderComment.objects.get()
    assert comment.user is None and not comment.is_staff_reply


def test_the_api_refuses_closed_pages(client, article):
    article.reader_comments_open = False
    article.save_revision().publish()
    response = post_json(client, "/api/v2/comments/", form_data(article))
    assert response.status_code == 400
    assert response.json()["message"] == "Comments are closed on this page."


def test_an_api_token_is_bound_to_its_page(client, article, other_article):
    data = form_data(article, token=aged_token(other_article.pk))
    assert post_json(client, "/api/v2/comments/", data).status_code == 400


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "{not json"])
def test_a_body_that_is_not_an_object_is_a_400(client, article, body):
    for url in ("/api/v2/comments/", "/api/v2/comments/token/"):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 400, (url, body)
