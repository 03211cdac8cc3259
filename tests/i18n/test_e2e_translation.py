"""
Translating an article in headless Chromium against a real server, with the admin in English and
in Korean (each editor's account preference). The secondee translates their English article into
Korean in the side-by-side editor, whose main action for them is "Submit for approval", enabled
once every segment is translated; once submitted, its segments are read-only and the server
refuses edits. Communications request
changes with a comment, then approve and publish what the secondee resubmitted: that exact text is
live. The report and the API call it up to date until the English text changes, when the
secondee's dashboard lists it to sync; re-translated and approved, it is up to date again.
Deselect with `-m "not e2e"`.
"""

import json
import re
import time
import urllib.request

import pytest
from django.utils import translation
from django.utils.translation import trans_real
from playwright.sync_api import expect

from tests.live.fixtures import log_in

pytestmark = pytest.mark.e2e

SETUP = """
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from home.models import HomePage
from tests import factories

home = HomePage.objects.get(depth=2)
blog = factories.BlogIndexPageFactory(parent=home, title="Blog", slug="blog")
korean = Locale.objects.get(language_code="ko")
home.copy_for_translation(korean, alias=True)
korean_blog = blog.copy_for_translation(korean)
korean_blog.save_revision().publish()
for suffix, language, place in [("", "en", "city"), ("_ko", "ko", "village")]:
    users = {}
    for role, group in [("secondee", SECONDEES), ("comms", COMMUNICATIONS)]:
        users[role] = factories.UserFactory(username=role + suffix)
        users[role].groups.add(Group.objects.get(name=group))
        UserProfile.objects.update_or_create(
            user=users[role], defaults={"preferred_language": language}
        )
    article = factories.ArticlePageFactory(
        parent=blog, title=f"Water for every {place}", slug=f"water-for-every-{place}",
        owner=users["secondee"],
    )
    factories.ArticleAuthorFactory(article=article, person=factories.PersonFactory())
    article.save_revision(user=users["secondee"]).publish()
print(blog.pk)
"""
TITLES = {
    "Water for every city": "모든 도시를 위한 물",
    "Water for every village": "모든 마을을 위한 물",
}
BODY = {  # the factory's standfirst and paragraph
    "How cities share what they learn.": "도시들이 배운 것을 나누는 방법.",
    "Cities across the region met to compare notes.": "지역의 도시들이 모여 경험을 비교했다.",
}
# Whose admin speaks which language, and the article each translates.
EDITORS = {
    "en": ("secondee", "comms", "water-for-every-city"),
    "ko": ("secondee_ko", "comms_ko", "water-for-every-village"),
}


@pytest.fixture(scope="module")
def live_site_setup():
    return SETUP


def words(language):
    """The admin's words in `language`: ours (Python) and wagtail-localize's editor's (JS)."""
    editor = trans_real.DjangoTranslation(language, domain="djangojs")

    def say(message, script=False):
        if script:
            return editor.gettext(message)
        with translation.override(language):
            return translation.gettext(message)

    return say


def still_to_translate(language, count):
    """What the secondee's footer says while `count` segments are not translated."""
    with translation.override(language):
        return translation.ngettext(
            "%(count)s segment is not translated yet.",
            "%(count)s segments are not translated yet.",
            count,
        ) % {"count": count}


def api(site, path):
    with urllib.request.urlopen(f"{site.url}/api/v2/{path}") as response:
        return json.load(response)


def english_article(site, slug):
    return api(site, f"pages/?locale=en&slug={slug}")["items"][0]["id"]


def page_state(site, page_id):
    """The page's live title, draft title and whether it has unpublished changes."""
    script = (
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id})\n"
        "print(page.title, page.draft_title, page.has_unpublished_changes, sep='|')"
    )
    title, draft_title, unpublished = site.manage("shell", "-v0", "-c", script).strip().split("|")
    return title, draft_title, unpublished == "True"


def alternates(site, path):
    with urllib.request.urlopen(f"{site.url}{path}") as response:
        html = response.read().decode()
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def served_at(site, path):
    """
    The path a reader of `path` ends up at, and the language of the text served there (a
    missing translation falls back in place, decision 0165).
    """
    with urllib.request.urlopen(f"{site.url}{path}") as response:
        return response.url.removeprefix(site.url), response.headers["Content-Language"]


def wait_until(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


def report_status(page, site, article_id, language):
    page.goto(f"{site.url}/admin/reports/translation-status/")
    row = page.locator("tr", has=page.locator(f"a[href='/admin/pages/{article_id}/edit/']"))
    return row.locator(f"td[data-locale='{language}']").get_attribute("data-status")


def approve_from_dashboard(page, title):
    """Approve the page titled `title` from its dashboard row's menu (Awaiting your review)."""
    row = page.locator("tr", has=page.get_by_text(title))
    row.locator("button.w-dropdown__toggle").click()
    with page.expect_navigation():
        row.locator(
            "button[data-workflow-action-url*='/approve/']:not([data-launch-modal])"
        ).click()


def up_to_date_in_the_api(site, korean_id):
    return api(site, f"pages/{korean_id}/")["meta"]["translation_status"]["up_to_date"]


def sync_link(page, site, translation_id):
    """The link to sync this translation in the user's dashboard list of translations to sync."""
    page.goto(f"{site.url}/admin/")
    row = page.locator("tr", has=page.locator(f"a[href='/admin/pages/{translation_id}/edit/']"))
    return row.locator("a[href*='/admin/localize/update/']")


def open_korean_translation(page, site, page_id, korean):
    """Start the Korean translation of page `page_id` and open its editor; `korean` names the
    language in the user's admin."""
    page.goto(f"{site.url}/admin/localize/submit/page/{page_id}/")
    page.get_by_label(korean).check()
    with page.expect_navigation(url="**/edit/"):
        page.locator("input[type=submit].button").click()


def translate_segment(page, say, source, text):
    """Translate one segment in wagtail-localize's side-by-side editor."""
    # The innermost list item holding the source text: the segment, with its buttons.
    segment = page.locator("li").filter(has_text=source).last
    segment.get_by_role("button", name=say("Translate", script=True), exact=True).click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name=say("Save", script=True), exact=True).click()
    segment.get_by_text(text).wait_for()


def clear_segment(page, say, source):
    """Empty a translated segment in wagtail-localize's editor, as a translator starting over."""
    segment = page.locator("li").filter(has_text=source).last
    segment.get_by_role("button", name=say("Edit", script=True), exact=True).click()
    segment.locator("textarea").fill("")
    segment.get_by_role("button", name=say("Save", script=True), exact=True).click()
    segment.get_by_role("button", name=say("Translate", script=True), exact=True).wait_for()


def main_actions(page):
    """The labels of the buttons in the editor's visible footer."""
    return [label.strip() for label in page.locator("footer:visible button").all_inner_texts()]


def csrf_token(page):
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def message(page, level):
    return page.locator(f".messages li.{level}").inner_text().strip()


def submit(page, say, title):
    with page.expect_navigation():
        page.get_by_role("button", name=say("Submit for approval")).click()
    assert message(page, "success") == say("'%(title)s' was submitted to %(workflow)s.") % {
        "title": title,
        "workflow": "Communications approval",
    }


def review(page, say, action, comment=""):
    page.fill("#id_review_comment", comment)
    with page.expect_navigation():
        page.get_by_role("button", name=say(action)).click()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_secondee_translates_and_communications_approve(live_site, browser, language):  # noqa: F811
    say = words(language)
    secondee_name, comms_name, slug = EDITORS[language]
    english_id = english_article(live_site, slug)
    english_title = api(live_site, f"pages/{english_id}/")["title"]
    english_path, korean_path = f"/en/blog/{slug}/", f"/ko/blog/{slug}/"

    # The secondee starts the translation and translates every segment. Until then their
    # Submit is disabled and says how many are left, counting as the status report does (the
    # slug is not asked for), and again after each segment saved.
    secondee = log_in(browser, live_site, secondee_name)
    open_korean_translation(secondee, live_site, english_id, say("Korean"))
    korean_id = int(secondee.url.rstrip("/").split("/")[-2])
    submit_button = secondee.get_by_role("button", name=say("Submit for approval"))
    left = secondee.locator("#i18n-untranslated")
    expect(submit_button).to_be_disabled()
    expect(left).to_have_text(still_to_translate(language, 3))
    edits = []
    secondee.on("request", lambda r: r.method == "PUT" and edits.append(r.url))
    segments = [(english_title, TITLES[english_title]), *BODY.items()]
    for done, (source, text) in enumerate(segments, start=1):
        translate_segment(secondee, say, source, text)
        if done < len(segments):
            expect(left).to_have_text(still_to_translate(language, len(segments) - done))
            expect(submit_button).to_be_disabled()
    expect(submit_button).to_be_enabled()
    assert left.count() == 0
    translate = secondee.get_by_role("button", name=say("Translate", script=True), exact=True)
    assert translate.count() == 0

    # A translation emptied again counts as untranslated again, at once.
    source, text = segments[-1]
    clear_segment(secondee, say, source)
    expect(left).to_have_text(still_to_translate(language, 1))
    expect(submit_button).to_be_disabled()
    translate_segment(secondee, say, source, text)
    expect(submit_button).to_be_enabled()

    # Their one main action submits for approval; nothing destructive, no Publish.
    assert main_actions(secondee) == [say("Submit for approval")]
    korean_title = TITLES[english_title]
    submit(secondee, say, korean_title)
    assert served_at(live_site, korean_path) == (korean_path, "en")  # a draft: English text

    # Awaiting approval, the segments are read-only, and the server refuses an edit.
    assert main_actions(secondee) == []
    assert secondee.get_by_role("button", name=say("Edit", script=True), exact=True).count() == 0
    refused = secondee.request.put(
        edits[0], form={"value": "바뀐 제목"}, headers={"X-CSRFToken": csrf_token(secondee)}
    )
    assert refused.status == 403

    # Communications ask for a change, with a comment; a comment is required.
    comms = log_in(browser, live_site, comms_name)
    comms.goto(f"{live_site.url}/admin/pages/{korean_id}/edit/")
    assert main_actions(comms) == [say("Approve and publish"), say("Request changes")]
    # No second way to publish around the review: no hidden Publish button, and a publish
    # posted from a tab opened before the submission is refused.
    assert comms.locator("button[value=publish]").count() == 0
    refused = comms.request.post(
        f"{live_site.url}/admin/pages/{korean_id}/edit/",
        form={"action": "publish"},
        headers={"X-CSRFToken": csrf_token(comms)},
    )
    assert say("This translation is awaiting approval: approve it to publish it.") in refused.text()
    assert served_at(live_site, korean_path) == (korean_path, "en")
    review(comms, say, "Request changes")
    assert message(comms, "error") == say(
        "Say what needs to change: the comment is sent to the author."
    )
    review(comms, say, "Request changes", comment="'물' is fine, but say '깨끗한 물'.")
    assert message(comms, "success") == say("Changes to '%(title)s' were requested.") % {
        "title": korean_title
    }

    # The secondee edits the title and submits again; communications approve and publish.
    korean_title = korean_title.replace("물", "깨끗한 물")
    secondee.goto(f"{live_site.url}/admin/pages/{korean_id}/edit/")
    segment = secondee.locator("li").filter(has_text=english_title).last
    segment.get_by_role("button", name=say("Edit", script=True), exact=True).click()
    segment.locator("textarea").fill(korean_title)
    segment.get_by_role("button", name=say("Save", script=True), exact=True).click()
    segment.get_by_text(korean_title).wait_for()
    submit(secondee, say, korean_title)

    comms.goto(f"{live_site.url}/admin/pages/{korean_id}/edit/")
    review(comms, say, "Approve and publish")
    assert message(comms, "success") == say("'%(title)s' was approved and published.") % {
        "title": korean_title
    }
    assert page_state(live_site, korean_id) == (korean_title, korean_title, False)
    # No review is awaited: publishing directly is communications' main action again.
    assert main_actions(comms)[0] == say("Publish in ", script=True) + say("Korean")
    assert served_at(live_site, korean_path) == (korean_path, "ko")
    korean = alternates(live_site, korean_path)
    assert korean["en"].endswith(english_path) and korean["ko"].endswith(korean_path)
    assert alternates(live_site, english_path)["ko"].endswith(korean_path)

    # Up to date in the report and the API; nothing to sync on the secondee's dashboard.
    assert report_status(comms, live_site, english_id, "ko") == "up_to_date"
    assert up_to_date_in_the_api(live_site, korean_id) is True
    assert not sync_link(secondee, live_site, korean_id).count()

    # The English text changes: the translation is outdated, and says so.
    comms.goto(f"{live_site.url}/admin/pages/{english_id}/edit/")
    comms.fill("#id_title", f"{english_title}, and its people")
    comms.locator("footer .w-dropdown__toggle").click()
    with comms.expect_navigation():
        comms.locator("footer button[name=action-publish]").click()
    assert report_status(comms, live_site, english_id, "ko") == "outdated"
    assert up_to_date_in_the_api(live_site, korean_id) is False

    # The secondee's dashboard lists it to sync; synced, re-translated and approved, it is up
    # to date again, and off the list.
    sync_link(secondee, live_site, korean_id).click()
    with secondee.expect_navigation():
        secondee.locator("input[type=submit].button").click()
    secondee.goto(f"{live_site.url}/admin/pages/{korean_id}/edit/")
    korean_title = f"{korean_title}, 그리고 사람들"
    translate_segment(secondee, say, f"{english_title}, and its people", korean_title)
    submit(secondee, say, korean_title)

    # This time from the dashboard, under "Awaiting your review".
    comms.goto(f"{live_site.url}/admin/")
    approve_from_dashboard(comms, korean_title)
    assert report_status(comms, live_site, english_id, "ko") == "up_to_date"
    assert up_to_date_in_the_api(live_site, korean_id) is True
    assert not sync_link(secondee, live_site, korean_id).count()
