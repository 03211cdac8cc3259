"""
Screenshots for issue 26's closing note ("Editors can trust the admin"), at 1280 x 900:
`python docs/screenshots/editors/take.py` writes here, in English and Korean (each editor's
admin language, Account → Preferences):

- translation-editor-secondee-unfinished-<language>.png: the secondee's Korean translation with
  one segment left, Submit for approval disabled and saying so;
- translation-editor-secondee-<language>.png: the secondee's Korean translation submitted for
  approval, its segments read-only and no action left to them;
- translation-editor-comms-<language>.png: the same translation as communications see it,
  "Approve and publish" or "Request changes" with a comment, and no other Publish;
- translation-status-<language>.png: Reports → Translation status right after approval, its
  Korean column's up-to-date translations.

Loads the demo into a throw-away database, adds one English article by the secondee, and
drives the admin in Chromium (Debian's chromium and fonts-noto-cjk) as `make screenshots` does.
"""

import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from citynet.core.checks import DEMO_PASSWORDS  # noqa: E402
from citynet.demo.live import DemoSite  # noqa: E402
from tests.i18n.test_e2e_translation import (  # noqa: E402
    open_korean_translation,
    translate_segment,
)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 900}
TITLE = "Water for every city"
STANDFIRST = "How cities share what they learn."
PARAGRAPH = "Cities across the region met to compare notes."
KOREAN = {
    TITLE: "모든 도시를 위한 물",
    STANDFIRST: "도시들이 배운 것을 나누는 방법.",
    PARAGRAPH: "지역의 도시들이 모여 경험을 비교했다.",
}
ARTICLE = f"""
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText
from blog.factories import ArticlePageFactory
from blog.models import ArticleAuthor, BlogIndexPage
from citynet.people.models import Person

secondee = get_user_model().objects.get(username="secondee")
blog = BlogIndexPage.objects.get(locale__language_code="en")
article = ArticlePageFactory(
    parent=blog, title={TITLE!r}, slug="water-for-every-city", owner=secondee,
    standfirst={STANDFIRST!r}, body=[("paragraph", RichText("<p>{PARAGRAPH}</p>"))],
)
ArticleAuthor.objects.create(article=article, person=Person.objects.filter(live=True).first())
article.save_revision(user=secondee).publish()
print(article.pk)
"""
LANGUAGE = """
from wagtail.users.models import UserProfile
from django.contrib.auth import get_user_model
for user in get_user_model().objects.filter(username__in=["secondee", "comms"]):
    UserProfile.objects.update_or_create(user=user, defaults={{"preferred_language": "{}"}})
"""


def log_in(browser, site, username):
    page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORDS[username])
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    return page


def capture(page, url, name, row_of=None):
    """A screenshot of the window at `url`, scrolled to the report row of page `row_of`."""
    page.goto(url, wait_until="networkidle")
    if row_of:
        link = page.locator(f"a[href='/admin/pages/{row_of}/edit/']")
        page.locator("tr", has=link).scroll_into_view_if_needed()
    path = HERE / f"{name}.png"
    page.screenshot(path=path)
    Image.open(path).convert("RGB").quantize(128, method=Image.Quantize.FASTOCTREE).save(
        path, optimize=True
    )
    print(path.relative_to(HERE.parents[2]))


def main():
    with (
        tempfile.TemporaryDirectory() as directory,
        DemoSite(directory) as site,
        sync_playwright() as playwright,
    ):
        english_id = site.shell(ARTICLE)
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        english = lambda message, script=False: message  # noqa: E731 (the admin's own words)
        secondee = log_in(browser, site, "secondee")
        open_korean_translation(secondee, site, english_id, "Korean")
        editor = secondee.url
        *first, last = KOREAN.items()
        for source, text in first:
            translate_segment(secondee, english, source, text)
        for language in ["ko", "en"]:
            site.shell(LANGUAGE.format(language))
            capture(secondee, editor, f"translation-editor-secondee-unfinished-{language}")
        translate_segment(secondee, english, *last)
        with secondee.expect_navigation():
            secondee.get_by_role("button", name="Submit for approval").click()
        comms = log_in(browser, site, "comms")
        for language in ["en", "ko"]:
            site.shell(LANGUAGE.format(language))
            capture(secondee, editor, f"translation-editor-secondee-{language}")
            capture(comms, editor, f"translation-editor-comms-{language}")
        with comms.expect_navigation():
            comms.locator("button[name=action][value=approve]").click()
        korean = site.shell(
            "from wagtail.models import Locale\nprint(Locale.objects.get(language_code='ko').pk)"
        )
        # The Korean column, the translations up to date: the article's row among the first.
        report = f"{site.url}/admin/reports/translation-status/?locale={korean}&status=up_to_date"
        capture(comms, report, "translation-status-ko", row_of=english_id)
        site.shell(LANGUAGE.format("en"))
        capture(comms, report, "translation-status-en", row_of=english_id)
        browser.close()


if __name__ == "__main__":
    main()
