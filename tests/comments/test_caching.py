"""Articles with comments stay shareable, and an approved comment shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import ReaderComment
from tests.comments.conftest import post_comment

pytestmark = pytest.mark.django_db


def get_counting_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.parametrize("kind", ["html", "api"])
def test_a_page_with_comments_and_a_form_is_cached(client, article, make_comment, kind):
    make_comment(text="A public comment")
    url = article.url if kind == "html" else f"/api/v2/comments/?page={article.pk}"

    first, first_queries = get_counting_queries(client, url)
    again, queries = get_counting_queries(client, url)

    assert "A public comment" in first.content.decode()
    assert first_queries > 0 and queries == 0
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()


def test_the_form_token_comes_from_an_uncached_request(client, article):
    html = client.get(article.url).content.decode()
    assert f"/en/comments/token/?page={article.pk}" in html

    first = client.get(f"/en/comments/token/?page={article.pk}")
    again = client.get(f"/en/comments/token/?page={article.pk}")

    assert "no-store" in first["Cache-Control"]
    assert first.json()["signed_in"] is False and first.json()["token"]
    assert client.get("/en/comments/token/?page=x").status_code == 400
    assert again.status_code == 200


def test_an_approved_comment_shows_on_the_next_request(client, article, make_comment):
    client.get(article.url)  # cached
    api_url = f"/api/v2/comments/?page={article.pk}"
    client.get(api_url)
    held = make_comment(status=ReaderComment.Status.PENDING, text="Waiting for approval")
    assert "Waiting for approval" not in client.get(article.url).content.decode()

    held.status = ReaderComment.Status.APPROVED
    held.save()

    assert "Waiting for approval" in client.get(article.url).content.decode()
    assert "Waiting for approval" in client.get(api_url).content.decode()


def test_held_and_spam_comments_leave_the_cache_warm(client, article, make_comment):
    client.get(article.url)  # cached
    post_comment(client, article)
    make_comment(status=ReaderComment.Status.SPAM)

    assert get_counting_queries(client, article.url)[1] == 0


def test_a_public_comment_leaves_other_pages_warm(client, article, other_article, make_comment):
    client.get(other_article.url)  # cached
    client.get(article.url)

    make_comment(text="Only on the first article")

    assert get_counting_queries(client, other_article.url)[1] == 0
    assert "Only on the first article" in client.get(article.url).content.decode()


def test_removing_a_public_comment_shows_at_once(client, article, make_comment):
    comment = make_comment(text="Soon removed")
    assert "Soon removed" in client.get(article.url).content.decode()

    ReaderComment.objects.filter(pk=comment.pk).set_status(ReaderComment.Status.REMOVED)

    assert "Soon removed" not in client.get(article.url).content.decode()


def test_article_queries_do_not_grow_with_comments(client, article, make_comment):
    from tests.visitor import count_queries

    first = make_comment()
    few = count_queries(client, article.url)
    for _ in range(3):
        make_comment(parent=make_comment(parent=first), author_url="https://example.org")

    assert count_queries(client, article.url) == few
