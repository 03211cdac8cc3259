"""Commenters delete their own comments; IP addresses go after a while; export and erase."""

import datetime
import json
from io import StringIO

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import ReaderComment
from comments.tasks import forget_ip_addresses, forget_old_ip_addresses
from tests import factories
from tests.comments.conftest import post_comment

pytestmark = pytest.mark.django_db


def delete_link(email_body):
    word = next(word for word in email_body.split() if "/comments/delete/" in word)
    return word.removeprefix("http://localhost")  # the article's site


def test_a_commenter_deletes_their_comment_through_the_emailed_link(client, article, make_comment):
    post_comment(client, article)
    comment = ReaderComment.objects.get()
    comment.status = ReaderComment.Status.APPROVED
    comment.save()
    reply = make_comment(parent=comment, author_email="other@example.org")
    link = delete_link(mail.outbox[0].body)

    assert "Delete my comment" in client.get(link).content.decode()
    assert ReaderComment.objects.count() == 2
    assert "Thank you for this article." in client.get(article.url).content.decode()

    assert "Your comment is deleted" in client.post(link).content.decode()
    assert not ReaderComment.objects.filter(pk__in=[comment.pk, reply.pk]).exists()
    assert "Thank you for this article." not in client.get(article.url).content.decode()
    assert client.post(link).status_code == 404  # already gone


def test_a_delete_link_for_another_comment_does_not_work(client, article, make_comment):
    mine = make_comment()
    theirs = make_comment(author_email="other@example.org")
    post_comment(client, article)  # emails the link for a new comment by ana@
    link = delete_link(mail.outbox[0].body)
    tampered = link.replace("/delete/", "/delete/x")

    assert client.post(tampered).status_code == 404
    assert ReaderComment.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2


def test_ip_addresses_are_forgotten_after_thirty_days(make_comment):
    now = timezone.now()
    old = make_comment(created_at=now - datetime.timedelta(days=31))
    recent = make_comment(created_at=now - datetime.timedelta(days=29))

    assert forget_old_ip_addresses(now) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None and recent.ip_address == "192.0.2.1"


def test_the_task_runs_and_clears_old_addresses(make_comment):
    old = make_comment(created_at=timezone.now() - datetime.timedelta(days=40))

    forget_ip_addresses.enqueue()  # the immediate backend in tests

    old.refresh_from_db()
    assert old.ip_address is None


def test_export_prints_one_persons_comments(make_comment, other_article):
    make_comment(text="Mine")
    make_comment(page=other_article, author_email="ANA@example.org", text="Also mine")
    make_comment(author_email="other@example.org", text="Not mine")
    out = StringIO()

    call_command("reader_comments", "export", "ana@example.org", stdout=out)

    rows = json.loads(out.getvalue())["comments"]
    assert sorted(row["text"] for row in rows) == ["Also mine", "Mine"]
    assert rows[0]["author_email"].lower() == "ana@example.org"
    assert {"ip_address", "page__title", "created_at"} <= rows[0].keys()


def test_erase_deletes_one_persons_comments(client, article, make_comment):
    make_comment(text="Mine")
    make_comment(author_email="other@example.org", text="Not mine")
    out = StringIO()

    call_command("reader_comments", "erase", "Ana@Example.org", "--no-input", stdout=out)

    assert list(ReaderComment.objects.values_list("text", flat=True)) == ["Not mine"]
    assert "Deleted 1 reader comments and 0 reader accounts" in out.getvalue()
    assert "Mine" not in client.get(article.url).content.decode().replace("Not mine", "")


def test_erase_refuses_something_that_is_not_an_address():
    with pytest.raises(CommandError):
        call_command("reader_comments", "erase", "everyone", "--no-input")


def test_a_reader_account_is_exported_and_erased_never_a_staff_one(make_comment, comms):
    reader = factories.UserFactory(username="mina", email="mina@example.org", first_name="Mina")
    SocialAccount.objects.create(user=reader, provider="oidc", uid="mina", extra_data={"a": 1})
    make_comment(author_email="mina@example.org", user=reader, text="Signed in")
    comms.email = "mina@example.org"  # the same address on a staff account: left alone
    comms.save()
    SocialAccount.objects.create(user=comms, provider="oidc", uid="comms")
    out = StringIO()

    call_command("reader_comments", "export", "mina@example.org", stdout=out)

    data = json.loads(out.getvalue())
    assert [row["text"] for row in data["comments"]] == ["Signed in"]
    (account,) = data["accounts"]
    assert account["username"] == "mina"
    assert account["sign_ins"][0]["provider"] == "oidc"

    call_command("reader_comments", "erase", "mina@example.org", "--no-input", stdout=StringIO())

    assert not ReaderComment.objects.exists()
    assert not get_user_model().objects.filter(username="mina").exists()
    assert get_user_model().objects.filter(username="comms").exists()
