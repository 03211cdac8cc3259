"""The moderation queue: who sees which reader comments, and what they can do with them."""

import pytest
from django.urls import reverse

from comments.models import ReaderComment

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_comments_readercomment:list"
INSPECT = "wagtailsnippets_comments_readercomment:inspect"
EDIT = "wagtailsnippets_comments_readercomment:edit"
REPLY = "wagtailsnippets_comments_readercomment:reply"


@pytest.fixture
def comments(make_comment, other_article):
    return {
        "mine": make_comment(text="On my article", status="pending"),
        "theirs": make_comment(page=other_article, text="On their article", status="pending"),
        "spam": make_comment(text="Cheap pills", status="spam"),
    }


def listing(client, **params):
    response = client.get(reverse(LIST), params)
    assert response.status_code == 200
    return response.content.decode()


def test_comms_see_every_comment_and_filter_by_status_and_page(client, comms, comments):
    client.force_login(comms)

    everything = listing(client)
    assert all(text in everything for text in ("On my article", "On their article", "Cheap"))
    pending = listing(client, status="pending")
    assert "Cheap pills" not in pending and "On my article" in pending
    one_page = listing(client, page=comments["theirs"].page_id)
    assert "On their article" in one_page and "On my article" not in one_page
    assert "Approve" in everything and "Spam" in everything  # bulk actions
    assert reverse(INSPECT, args=[comments["mine"].pk]) in everything


def test_a_secondee_sees_only_comments_on_their_own_articles(client, secondee, comments):
    client.force_login(secondee)

    page = listing(client)

    assert "On my article" in page and "On their article" not in page
    assert client.get(reverse(INSPECT, args=[comments["mine"].pk])).status_code == 200
    assert client.get(reverse(INSPECT, args=[comments["theirs"].pk])).status_code == 302
    assert client.get(reverse(EDIT, args=[comments["mine"].pk])).status_code == 302


def test_anonymous_visitors_are_sent_to_log_in(client, comments):
    response = client.get(reverse(LIST))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(reverse(REPLY, args=[comments["mine"].pk])).status_code == 302


def test_the_comment_is_shown_in_context(client, comms, make_comment):
    parent = make_comment(text="The question")
    reply = make_comment(parent=parent, text="The held answer", status="pending")
    client.force_login(comms)

    page = client.get(reverse(INSPECT, args=[reply.pk])).content.decode()

    assert "The question" in page and "The held answer" in page and "Seoul data" in page
    assert "ana@example.org" in page  # moderators see the address readers never see
    assert reverse(REPLY, args=[reply.pk]) in page


def bulk_url(action, comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return f"/admin/bulk/comments/readercomment/{action}/?{ids}"


def test_comms_approve_and_spam_in_bulk(client, comms, comments, article):
    client.force_login(comms)
    approve = bulk_url("approve_reader_comments", [comments["mine"], comments["theirs"]])

    assert "On my article" in client.get(approve).content.decode()
    response = client.post(approve)

    assert response.status_code == 302
    assert set(ReaderComment.objects.values_list("status", flat=True)) == {"approved", "spam"}
    assert "On my article" in client.get(article.url).content.decode()

    client.post(bulk_url("spam_reader_comments", [comments["mine"]]))
    comments["mine"].refresh_from_db()
    assert comments["mine"].status == "spam"
    assert "On my article" not in client.get(article.url).content.decode()


def test_a_secondee_cannot_moderate(client, secondee, comments):
    client.force_login(secondee)

    client.post(bulk_url("approve_reader_comments", [comments["mine"]]))

    comments["mine"].refresh_from_db()
    assert comments["mine"].status == "pending"


def test_a_secondee_replies_on_their_article_as_staff(client, secondee, make_comment, article):
    question = make_comment(text="When is the next workshop?")
    client.force_login(secondee)

    response = client.post(reverse(REPLY, args=[question.pk]), {"text": "In May, in Seoul."})

    assert response.status_code == 302
    reply = ReaderComment.objects.get(parent=question)
    assert reply.status == "approved" and reply.is_staff_reply and reply.user == secondee
    assert reply.author_name == "Sun Park"
    page = client.get(article.url).content.decode()
    assert "In May, in Seoul." in page and "CityNet staff" in page


def test_a_secondee_cannot_reply_on_someone_elses_article(client, secondee, comments):
    client.force_login(secondee)

    response = client.post(reverse(REPLY, args=[comments["theirs"].pk]), {"text": "Hi"})

    assert response.status_code in (302, 403)
    assert not ReaderComment.objects.filter(text="Hi").exists()


def test_no_reply_beyond_three_levels(client, comms, make_comment):
    third = make_comment(parent=make_comment(parent=make_comment()))
    client.force_login(comms)

    client.post(reverse(REPLY, args=[third.pk]), {"text": "Too deep"})

    assert not ReaderComment.objects.filter(text="Too deep").exists()


def test_comms_edit_a_comment_and_its_status(client, comms, comments, article):
    client.force_login(comms)
    url = reverse(EDIT, args=[comments["mine"].pk])

    response = client.post(url, {"status": "approved", "text": "On my article (edited)"})

    assert response.status_code == 302
    assert "On my article (edited)" in client.get(article.url).content.decode()
