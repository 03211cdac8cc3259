"""WordPress comments become reader comments: statuses, threads, re-runs, privacy, no email."""

import datetime

import pytest
from django.core import mail

from citynet.editorial.roles import COMMUNICATIONS
from comments.models import ReaderComment
from tests.conftest import member_of
from wordpress.models import ImportedItem

from .conftest import comment, post
from .test_import import article

pytestmark = pytest.mark.django_db


def reader_comment(wp_id):
    record = ImportedItem.objects.get(kind="comment", wp_id=str(wp_id))
    return ReaderComment.objects.get(pk=record.object_id)


def test_statuses_are_mapped_and_pingbacks_skipped(export_file, run_import):
    comments = [
        comment(1, approved="1"),
        comment(2, approved="0"),
        comment(3, approved="spam"),
        comment(4, approved="trash"),
        comment(5, kind="pingback"),
        comment(6, kind="trackback"),
        comment(7, kind=""),  # WordPress before 5.5 left the type of a comment empty
    ]
    output = run_import(export_file(post(1, comments="".join(comments))))

    assert (
        "comments: 5 imported (2 approved, 1 held, 1 spam, 1 removed), "
        "2 pingbacks and trackbacks skipped"
    ) in output
    Status = ReaderComment.Status
    assert [reader_comment(n).status for n in (1, 2, 3, 4, 7)] == [
        Status.APPROVED,
        Status.PENDING,
        Status.SPAM,
        Status.REMOVED,
        Status.APPROVED,
    ]
    assert reader_comment(2).held_because == "held in WordPress"
    assert ReaderComment.objects.count() == 5
    assert set(ReaderComment.objects.values_list("page", flat=True)) == {article(1).pk}


def test_threads_are_kept_at_most_three_levels_deep(export_file, run_import, client):
    # 1 <- 2 <- 3 <- 4 <- 5 in WordPress, and 6 answering 4; listed out of order on purpose.
    thread = [comment(6, parent=4), comment(1), comment(2, parent=1), comment(3, parent=2)]
    thread += [comment(5, parent=4), comment(4, parent=3)]
    run_import(export_file(post(1, comments="".join(thread))))

    depths = {n: reader_comment(n).depth for n in range(1, 7)}
    assert depths == {1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3}
    parents = {n: reader_comment(n).parent for n in range(1, 7)}
    assert parents[1] is None and parents[2] == reader_comment(1)
    # Deeper replies join the thread of the level-2 ancestor, in WordPress order.
    assert {parents[n] for n in (3, 4, 5, 6)} == {reader_comment(2)}
    items = client.get(f"/api/v2/comments/?page={article(1).pk}").json()["items"]
    [top] = items
    [second] = top["replies"]
    assert [reply["id"] for reply in second["replies"]] == [
        reader_comment(n).pk for n in (3, 4, 5, 6)
    ]


def test_author_text_and_date_are_cleaned_and_no_ip_is_kept(export_file, run_import):
    html = (
        '<p>Nice &amp; <strong>useful</strong>.<br>See <a href="https://example.org/x">this</a>'
        '</p><p><script>alert(1)</script>Bye</p><a href="javascript:alert(1)">click</a>'
    )
    comments = [
        comment(
            1,
            author="Jane &laquo;J&raquo; <b>Doe</b>",
            email="jane@example.org",
            url="https://jane.example.org/",
            content=html,
            date_gmt="2013-03-14 15:01:21",
        ),
        comment(2, author="", email="not an email", url="javascript:alert(1)"),
        comment(3, content="x" * 5000, url="http://example.org/" + "a" * 200),
    ]
    run_import(export_file(post(1, comments="".join(comments))))

    first, second, third = (reader_comment(n) for n in (1, 2, 3))
    assert (first.author_name, first.author_email, first.author_url) == (
        "Jane «J» Doe",
        "jane@example.org",
        "https://jane.example.org/",
    )
    assert first.text == "Nice & useful.\nSee this (https://example.org/x)\n\nBye\n\nclick"
    assert first.created_at == datetime.datetime(2013, 3, 14, 15, 1, 21, tzinfo=datetime.UTC)
    assert (second.author_name, second.author_email, second.author_url) == ("Anonymous", "", "")
    assert len(third.text) == 3000 and third.text.endswith("…") and third.author_url == ""
    assert not ReaderComment.objects.filter(ip_address__isnull=False).exists()


def test_a_second_run_adds_only_new_comments(export_file, run_import):
    comments = comment(1) + comment(2, approved="0")
    run_import(export_file(post(1, comments=comments)))

    output = run_import(export_file(post(1, comments=comments)))
    assert "articles: 1 unchanged" in output
    assert (
        "comments: 0 imported (0 approved, 0 held, 0 spam, 0 removed), 2 already imported, "
        "0 pingbacks and trackbacks skipped"
    ) in output
    assert ReaderComment.objects.count() == 2

    # A reply written in WordPress since: only it comes across, in its thread; a new comment
    # is no reason for a new revision of the article.
    revisions = article(1).revisions.count()
    reader_comment(2).delete()  # a moderator deleted it here: it stays deleted
    output = run_import(export_file(post(1, comments=comments + comment(3, parent=1))))
    assert "articles: 1 unchanged" in output
    assert "comments: 1 imported (1 approved, 0 held, 0 spam, 0 removed)" in output
    assert ReaderComment.objects.count() == 2
    assert reader_comment(3).parent == reader_comment(1)
    assert article(1).revisions.count() == revisions


def test_dry_run_writes_no_comment(export_file, run_import, monkeypatch):
    invalidated = []
    monkeypatch.setattr("wordpress.importer.show_comment_changes", invalidated.append)
    output = run_import(
        export_file(post(1, comments=comment(1) + comment(2, parent=1))), "--dry-run"
    )
    assert "comments: 2 imported (2 approved" in output
    assert not ReaderComment.objects.exists()
    assert not ImportedItem.objects.exists()
    assert invalidated == []


def test_only_approved_comments_show_in_the_api(export_file, run_import, client):
    comments = [
        comment(1, author="Approved reader", content="Published"),
        comment(2, approved="0", author="Held reader", content="Waiting"),
        comment(3, approved="spam", author="Spammer", content="Buy"),
        comment(4, approved="trash", author="Trashed", content="Gone"),
        comment(5, parent=2, author="Reply to held", content="Out of context"),
    ]
    run_import(export_file(post(1, comments="".join(comments))))

    page = article(1)
    response = client.get(f"/api/v2/comments/?page={page.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"] == {"total_count": 1, "comment_count": 1}
    assert [(c["author_name"], c["text"]) for c in data["items"]] == [
        ("Approved reader", "Published")
    ]
    assert "ip_address" not in data["items"][0] and "author_email" not in data["items"][0]


def test_an_import_emails_nobody_and_invalidates_the_cache_once(
    export_file, run_import, monkeypatch
):
    member_of(COMMUNICATIONS, username="comms", email="comms@example.org")
    per_comment, per_run = [], []
    monkeypatch.setattr("comments.models.show_comment_changes", per_comment.append)
    monkeypatch.setattr("wordpress.importer.show_comment_changes", per_run.append)
    held_and_approved = comment(1) + comment(2, approved="0") + comment(3, parent=1)
    output = run_import(
        export_file(
            post(1, comments=held_and_approved),
            post(2, comments=comment(4) + comment(5, approved="0")),
            post(3, comments=comment(6, approved="0")),  # nothing public: not invalidated
        )
    )
    assert "comments: 6 imported (3 approved, 3 held, 0 spam, 0 removed)" in output
    assert mail.outbox == []
    assert per_comment == []  # ReaderComment.save() never ran
    assert per_run == [[article(1), article(2)]]
