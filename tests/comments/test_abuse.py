"""
Issue 28, tried as an attacker would: nobody skips moderation by typing a trusted address or a
staff member's name, one form token posts one comment (a retry gets the first answer), and the
per-address limit counts readers, not the proxy in front of the site.
"""

import pytest
from django.test import override_settings

from comments.models import ReaderComment
from tests.comments.conftest import aged_token, form_data, post_comment, prove_email

pytestmark = pytest.mark.django_db

STAFF_ONLY = "This name or email belongs to a member of the CityNet team."


def api_post(client, page, **overrides):
    return client.post("/api/v2/comments/", form_data(page, **overrides), "application/json")


@pytest.fixture
def trusted_reader(make_comment):
    """Ana: an approved comment, her address confirmed through the emailed link."""
    return make_comment(author_email="ana@example.org", email_confirmed=True)


def test_typing_a_trusted_address_does_not_skip_moderation(client, article, trusted_reader):
    response = api_post(client, article, author_name="Anyone", text="Send your bank details")

    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    comment = ReaderComment.objects.get(text="Send your bank details")
    assert comment.held_because == "new or unconfirmed commenter"
    assert "bank details" not in client.get(article.url).content.decode()


def test_the_confirmation_cookie_proves_the_address_it_was_set_for(client, article, trusted_reader):
    prove_email(client, "ana@example.org")

    assert api_post(client, article, text="Ana again").json()["status"] == "approved"
    other = api_post(client, article, author_email="bo@example.org", text="Not Ana")
    assert other.json()["status"] == "pending"


@pytest.mark.parametrize(
    "name, email",
    [
        ("A Reader", "comms@example.org"),
        ("A Reader", "COMMS@Example.org "),
        ("Sun  PARK", "sun@example.org"),  # the secondee's name, spaced and cased differently
        ("comms", "x@example.org"),  # a staff user name
        ("CityNet Communications Team", "x@example.org"),  # the name staff replies go out under
    ],
)
def test_staff_names_and_emails_are_reserved(
    client, article, secondee, comms, make_comment, name, email
):
    make_comment(author_name="CityNet Communications Team", is_staff_reply=True, user=comms)

    response = api_post(client, article, author_name=name, author_email=email, text="Official")

    assert response.status_code == 400
    assert STAFF_ONLY in response.json()["message"]
    assert not ReaderComment.objects.filter(text="Official").exists()


def test_staff_signed_in_post_under_their_own_name(client, article, secondee):
    client.force_login(secondee)
    token = aged_token(article.pk, user_id=secondee.pk)

    response = post_comment(client, article, token=token, author_name="", author_email="")

    assert "your comment is published" in response.content.decode()
    comment = ReaderComment.objects.get()
    assert (comment.author_name, comment.is_staff_reply) == ("Sun Park", True)


def test_a_retried_post_answers_with_the_first_comment(client, article):
    data = form_data(article)
    answers = [client.post("/api/v2/comments/", data, "application/json") for _ in range(5)]

    assert {answer.status_code for answer in answers} == {201}
    assert len({answer.json()["id"] for answer in answers}) == 1
    assert ReaderComment.objects.count() == 1


def test_a_form_token_posts_one_comment(client, article):
    token = aged_token(article.pk)
    for number in range(5):
        post_comment(client, article, token=token, text=f"Post {number}")

    assert list(ReaderComment.objects.values_list("text", flat=True)) == ["Post 0"]


def post_from(client, page, address, **overrides):
    """A post through one proxy (127.0.0.1) that names the reader's address."""
    return client.post(
        "/en/comments/post/", form_data(page, **overrides), HTTP_X_FORWARDED_FOR=address
    ).content.decode()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_limit_counts_each_reader(client, article):
    for number in range(6):
        email = f"reader{number}@example.org"
        assert "awaits moderation" in post_from(
            client, article, f"198.51.100.{number}", author_email=email
        )
    addresses = set(ReaderComment.objects.values_list("ip_address", flat=True))
    assert addresses == {f"198.51.100.{number}" for number in range(6)}

    for number in range(4):  # 198.51.100.0 reaches its five comments
        post_from(client, article, "198.51.100.0", author_email=f"again{number}@example.org")
    refused = post_from(client, article, "198.51.100.0", author_email="more@example.org")
    assert "several comments in a short time" in refused
    welcome = post_from(client, article, "198.51.100.9", author_email="new@example.org")
    assert "awaits moderation" in welcome
