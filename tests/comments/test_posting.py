"""Readers post comments on articles; every rule of the form, with the message a reader sees."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Site

from comments.models import ReaderComment, ReaderCommentSettings
from tests.comments.conftest import aged_token, form_data, post_comment, prove_email

pytestmark = pytest.mark.django_db


def test_a_new_commenter_is_held_and_the_moderators_are_emailed(client, article, comms):
    response = post_comment(client, article)

    assert response.status_code == 200
    assert "awaits moderation" in response.content.decode()
    comment = ReaderComment.objects.get()
    assert comment.status == ReaderComment.Status.PENDING
    assert comment.held_because == "new or unconfirmed commenter"
    assert comment.ip_address == "127.0.0.1" and comment.language == "en"
    assert not comment.email_confirmed
    to_reader, to_moderators = mail.outbox
    assert to_reader.to == ["ana@example.org"]
    assert "/en/comments/confirm/" in to_reader.body and "/en/comments/delete/" in to_reader.body
    assert set(to_moderators.to) == {comms.email, article.owner.email}
    assert "Thank you for this article." in to_moderators.body
    assert f"/admin/snippets/comments/readercomment/inspect/{comment.pk}/" in to_moderators.body
    assert "Thank you for this article." not in client.get(article.url).content.decode()


def confirm_link(email_body):
    return next(word for word in email_body.split() if "/comments/confirm/" in word)


def test_a_commenter_is_trusted_once_approved_and_confirmed(client, article):
    post_comment(client, article, text="First")
    first = ReaderComment.objects.get()
    first.status = ReaderComment.Status.APPROVED
    first.save()

    post_comment(client, article, text="Second, not confirmed yet")
    assert ReaderComment.objects.get(text__startswith="Second").status == "pending"

    link = confirm_link(mail.outbox[0].body).removeprefix("http://localhost")  # the site's address
    assert "Confirm my email address" in client.get(link).content.decode()
    first.refresh_from_db()
    assert not first.email_confirmed  # opening the link is not confirming (mail scanners)
    assert "Your email address is confirmed" in client.post(link).content.decode()
    first.refresh_from_db()
    assert first.email_confirmed

    response = post_comment(client, article, text="Third, trusted")
    assert "your comment is published" in response.content.decode()
    assert ReaderComment.objects.get(text__startswith="Third").status == "approved"
    assert "Third, trusted" in client.get(article.url).content.decode()


def test_a_forged_confirmation_link_does_nothing(client, article, make_comment):
    make_comment(email_confirmed=False)
    response = client.post("/en/comments/confirm/forged:link/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert not ReaderComment.objects.filter(email_confirmed=True).exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"fax": "+82 2 555 0100"}, "Leave the last field empty."),
        ({"token": "made-up"}, "The form could not be checked."),
        ({"token": ""}, "The form could not be checked."),
        ({"text": "x" * 3001}, "Your comment is too long: at most 3000 characters (it has 3001)."),
        ({"author_email": "not-an-address"}, "Enter a valid email address."),
        ({"text": ""}, "This field is required."),
        ({"parent": "999"}, "The comment you are replying to is not available."),
    ],
)
def test_a_rejected_comment_says_why(client, article, overrides, message):
    response = post_comment(client, article, **overrides)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReaderComment.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"fax": "+82 2 555 0100"}, "Leave the last field empty."),
        ({"token": "made-up"}, "The form could not be checked."),
        ({"text": ""}, "This field is required."),
    ],
)
def test_a_refusal_is_said_once_and_only_that_one(client, article, overrides, message):
    """The form shown again keeps what was refused: its new token is not "very fast" too."""
    page = post_comment(client, article, **overrides).content.decode()

    assert "That was very fast" not in page
    # Said in the page's message; a field's own error is said beside the field as well.
    assert page.count(message) == (2 if overrides.get("text") == "" else 1)


def test_a_form_sent_within_seconds_of_loading_is_refused(client, article):
    response = post_comment(client, article, token=aged_token(article.pk, age=1))

    assert response.status_code == 400
    assert response.content.decode().count("That was very fast") == 1
    # The page offers the form again, with the reader's text and a new token.
    assert "Thank you for this article." in response.content.decode()
    assert 'name="token" value="' in response.content.decode()


def test_an_expired_form_or_another_pages_token_is_refused(client, article, other_article):
    expired = post_comment(client, article, token=aged_token(article.pk, age=3 * 60 * 60))
    assert "The form has expired" in expired.content.decode()
    other = post_comment(client, article, token=aged_token(other_article.pk))
    assert "The form could not be checked" in other.content.decode()
    assert not ReaderComment.objects.exists()


def test_comments_can_be_closed_per_page(client, article):
    article.reader_comments_open = False
    article.save_revision().publish()

    response = post_comment(client, article)

    assert response.status_code == 400
    assert "Comments are closed on this page." in response.content.decode()
    assert 'id="comment-form"' not in client.get(article.url).content.decode()


def test_programs_are_closed_unless_the_page_opens_them(client, program_index):
    from tests import factories

    program = factories.ProgramPageFactory(parent=program_index)
    assert "Comments are closed on this page." in post_comment(client, program).content.decode()
    program.reader_comments_open = True
    program.save_revision().publish()
    assert post_comment(client, program).status_code == 200


def test_comments_close_automatically_after_the_site_setting(client, article, make_comment):
    make_comment(text="Said while it was open")
    setting = ReaderCommentSettings.for_site(Site.objects.get(is_default_site=True))
    setting.close_after_days = 10
    setting.save()
    article.first_published_at = timezone.now() - datetime.timedelta(days=11)
    article.save()

    assert "Comments are closed on this page." in post_comment(client, article).content.decode()
    page = client.get(article.url).content.decode()
    assert "Said while it was open" in page and "Comments are closed." in page
    assert 'id="comment-form"' not in page

    setting.close_after_days = 0  # never
    setting.save()
    assert post_comment(client, article).status_code == 200


def test_rate_limit_per_ip_address(client, article):
    for number in range(5):
        email = f"reader{number}@example.org"
        assert post_comment(client, article, author_email=email).status_code == 200

    response = post_comment(client, article, author_email="sixth@example.org")

    assert response.status_code == 400
    assert "several comments in a short time" in response.content.decode()
    data = form_data(article, author_email="seventh@example.org")
    other_reader = client.post("/en/comments/post/", data, REMOTE_ADDR="198.51.100.7")
    assert other_reader.status_code == 200


def test_rate_limit_per_email_address(client, article):
    for number in range(3):
        address = f"203.0.113.{number}"
        response = client.post("/en/comments/post/", form_data(article), REMOTE_ADDR=address)
        assert response.status_code == 200

    response = client.post("/en/comments/post/", form_data(article), REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 400
    assert ReaderComment.objects.count() == 3


@pytest.fixture
def trusted(client, make_comment):
    """Ana, trusted, in the browser where she confirmed her address."""
    prove_email(client, "ana@example.org")
    return make_comment(email_confirmed=True)


def test_too_many_links_are_held_even_from_a_trusted_commenter(client, article, trusted):
    text = "See https://a.example, http://b.example and www.c.example"
    response = post_comment(client, article, text=text)

    assert "awaits moderation" in response.content.decode()
    assert ReaderComment.objects.get(text=text).held_because == "more than 2 links"
    assert post_comment(client, article, text="One link: https://a.example").status_code == 200
    assert ReaderComment.objects.get(text__startswith="One link").status == "approved"


def test_disallowed_words_are_held(client, article, trusted):
    setting = ReaderCommentSettings.for_site(Site.objects.get(is_default_site=True))
    setting.disallowed_words = "casino\ncheap pills\n"
    setting.save()

    post_comment(client, article, text="Best CASINO bonus")

    held = ReaderComment.objects.get(text="Best CASINO bonus")
    assert held.status == "pending" and held.held_because == "contains a disallowed word"


def test_messages_are_in_the_readers_language(client, article):
    response = post_comment(client, article, prefix="/ko", author_email="not-an-address")

    assert response.status_code == 400
    assert "유효한 이메일 주소를 입력하세요." in response.content.decode()  # Django's Korean


def test_comments_are_plain_text_with_safe_links(client, article, make_comment):
    make_comment(
        text='<script>alert(1)</script> <a href="javascript:x">x</a> see https://example.org/a'
    )

    page = client.get(article.url).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:x"' not in page
    assert '<a href="https://example.org/a" rel="nofollow ugc noopener">' in page


def test_replies_go_three_levels_deep(client, article, make_comment):
    first = make_comment()
    second = make_comment(parent=first)
    third = make_comment(parent=second)
    assert (first.depth, second.depth, third.depth) == (1, 2, 3)

    refused = post_comment(client, article, parent=str(third.pk))
    assert "Replies go at most three levels deep." in refused.content.decode()
    held_parent = make_comment(status=ReaderComment.Status.PENDING)
    refused = post_comment(client, article, parent=str(held_parent.pk))
    assert "not available" in refused.content.decode()

    assert post_comment(client, article, parent=str(second.pk)).status_code == 200
    assert ReaderComment.objects.get(text="Thank you for this article.").parent == second


def test_a_signed_in_reader_comments_without_typing_their_details(client, article):
    from tests import factories

    reader = factories.UserFactory(username="reader", first_name="Min", last_name="Lee")
    client.force_login(reader)

    response = post_comment(
        client, article, author_name="", author_email="", token=aged_token(article.pk, reader.pk)
    )

    assert response.status_code == 200
    comment = ReaderComment.objects.get()
    assert (comment.author_name, comment.author_email, comment.user) == (
        "Min Lee",
        reader.email,
        reader,
    )
    assert not comment.is_staff_reply and comment.status == "pending"


def test_another_site_cannot_post_in_a_signed_in_readers_name(client, article):
    from tests import factories

    client.force_login(factories.UserFactory(username="reader"))

    # The attacker can get an anonymous token, but not the reader's.
    response = post_comment(client, article, token=aged_token(article.pk))

    assert response.status_code == 400
    assert not ReaderComment.objects.exists()


def test_staff_comments_are_published_and_marked(client, article, secondee):
    client.force_login(secondee)

    post_comment(client, article, token=aged_token(article.pk, secondee.pk))

    comment = ReaderComment.objects.get()
    assert comment.status == "approved" and comment.is_staff_reply
    assert "CityNet staff" in client.get(article.url).content.decode()
