"""A reader is answered in the language of the page they comment on: rejections, the moderation
notice and the emails, in each of the site's languages (the catalogues under comments/locale)."""

import json
import shutil
from pathlib import Path

import polib  # wagtail-localize's own dependency
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils.translation import to_locale
from wagtail.models import Locale

import comments
from comments.models import ReaderComment
from tests.comments.conftest import aged_token, form_data, post_comment

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(comments.__file__).parent / "locale"
CATALOGUES = [
    LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"  # zh-hant -> zh_Hant
    for code, _name in settings.LANGUAGES
    if code != settings.LANGUAGE_CODE
]


def translated(article, language_code):
    """The article's translation into this language, live (its parents are copied as needed)."""
    page = article.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def korean_article(article):
    return translated(article, "ko")


@pytest.fixture
def thai_article(article):
    return translated(article, "th")


@pytest.mark.parametrize(
    "overrides, korean",
    [
        ({"fax": "+82 2 555 0100"}, "마지막 칸은 비워 두세요."),
        ({"token": "made-up"}, "양식을 확인할 수 없습니다."),
        ({"text": "x" * 3001}, "최대 3000자까지 쓸 수 있습니다(현재 3001자)."),
        ({"parent": "999"}, "답글을 달려는 댓글을 찾을 수 없습니다."),
    ],
)
def test_a_rejection_on_a_korean_page_is_in_korean(client, korean_article, overrides, korean):
    response = post_comment(client, korean_article, prefix="/ko", **overrides)

    assert response.status_code == 400
    page = response.content.decode()
    assert korean in page
    assert "댓글 등록" in page  # the form shown again to correct the comment is Korean too
    assert "Post comment" not in page
    assert not ReaderComment.objects.exists()


def test_a_form_sent_too_fast_on_a_thai_page_is_refused_in_thai(client, thai_article):
    token = aged_token(thai_article.pk, age=1)
    response = post_comment(client, thai_article, prefix="/th", token=token)

    assert response.status_code == 400
    assert "ส่งเร็วเกินไป" in response.content.decode()
    assert "That was very fast" not in response.content.decode()


def test_closed_comments_on_a_thai_page_say_so_in_thai(client, thai_article):
    thai_article.reader_comments_open = False
    thai_article.save_revision().publish()

    response = post_comment(client, thai_article, prefix="/th")

    assert response.status_code == 400
    assert "หน้านี้ปิดรับความคิดเห็นแล้ว" in response.content.decode()


def test_a_held_korean_comment_awaits_moderation_in_korean(client, korean_article):
    response = post_comment(client, korean_article, prefix="/ko")

    assert response.status_code == 200
    page = response.content.decode()
    assert "감사합니다. 댓글이 검토를 기다리고 있습니다." in page
    assert "awaits moderation" not in page
    comment = ReaderComment.objects.get()
    assert comment.status == ReaderComment.Status.PENDING and comment.language == "ko"
    # The commenter's email, sent after the request, is still in the language they wrote in.
    (to_reader,) = [message for message in mail.outbox if message.to == ["ana@example.org"]]
    assert to_reader.subject == f"'{korean_article.title}'에 남긴 댓글"
    assert "댓글은 검토를 기다리고 있으며" in to_reader.body
    assert "/ko/comments/confirm/" in to_reader.body and "/ko/comments/delete/" in to_reader.body


def test_the_deletion_page_speaks_the_links_language(client):
    response = client.get("/ko/comments/delete/made-up/")

    assert response.status_code == 404
    assert "이 링크는 사용할 수 없습니다" in response.content.decode()


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_string_of_the_comments_catalogue_is_translated_and_compiled(catalogue):
    po = polib.pofile(str(catalogue))

    assert not [entry.msgid for entry in po.untranslated_entries()]
    assert not [entry.msgid for entry in po.fuzzy_entries()]
    # The committed .mo is compiled from this .po (Django reads only the .mo).
    compiled = {entry.msgid: entry for entry in polib.mofile(str(catalogue.with_suffix(".mo")))}
    for entry in po:
        assert compiled[entry.msgid].msgstr == entry.msgstr
        assert compiled[entry.msgid].msgstr_plural == entry.msgstr_plural


def test_every_string_of_the_comments_app_is_in_its_catalogues(tmp_path, monkeypatch):
    """A string added to the code or templates without a translation fails here."""
    copy = tmp_path / "comments"
    shutil.copytree(LOCALE_DIR.parent, copy, ignore=shutil.ignore_patterns("locale", "static"))
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["ko"], no_location=True, verbosity=0)

    in_code = {entry.msgid for entry in polib.pofile(str(copy / "locale/ko/LC_MESSAGES/django.po"))}
    assert "Comments are closed on this page." in in_code
    for catalogue in CATALOGUES:
        assert in_code <= {entry.msgid for entry in polib.pofile(str(catalogue))}, catalogue


def test_the_api_answers_in_the_readers_accept_language(client, article):
    """The API lives outside the language prefixes: the front end says the language in a header."""

    def post_in(language, **overrides):
        data = json.dumps(form_data(article, **overrides))
        return client.post(
            "/api/v2/comments/",
            data,
            content_type="application/json",
            headers={"accept-language": language},
        )

    too_long = post_in("ko", text="x" * 3001)
    assert too_long.status_code == 400
    assert "최대 3000자까지" in too_long.json()["errors"]["text"][0]
    held = post_in("th")
    assert held.status_code == 201
    assert held.json()["message"] == "ขอบคุณ: ความคิดเห็นของคุณกำลังรอการตรวจสอบ"
    assert ReaderComment.objects.get().language == "th"


@pytest.mark.parametrize(
    "body, korean",
    [('{"page": "x"}', "page에는 페이지 ID를 입력해야 합니다"), ("{not json", "JSON 객체")],
)
def test_a_malformed_post_is_refused_in_the_readers_language(client, article, body, korean):
    response = client.post(
        "/api/v2/comments/",
        body,
        content_type="application/json",
        headers={"accept-language": "ko"},
    )

    assert response.status_code == 400
    assert korean in response.json()["message"]


@pytest.mark.parametrize(
    "outcome", [{}, {"author_email": "not an address"}], ids=["sent", "refused"]
)
def test_the_way_back_to_the_page_keeps_the_readers_language(client, article, outcome):
    """An English article commented on by a Thai reader, who reads it at /th/ (fallback)."""
    response = post_comment(client, article, prefix="/th", **outcome)

    back = f'href="/th{article.url.removeprefix("/en")}#comments"'
    assert back in response.content.decode()
