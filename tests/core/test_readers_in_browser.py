"""
Readers stay in their language and on their screen (issue 25), in headless Chromium on the demo:

- a Korean, Thai, Traditional Chinese and English reader walks home → article (translated and
  untranslated) → program → partner → search → 404 and is never shown an interface in another
  language, nor led to one by the menu, breadcrumbs, search, cards or related links; axe-core
  finds no WCAG 2.2 AA violation on the way;
- no page type, in any of the eight languages, scrolls sideways at 320, 360 or 390 px (the
  untranslated article carries the comment form and the demo's blocks), the sign-in and
  password pages included;
- the demo is served as `make run` serves it: its 404 is the designed one, in the reader's
  language, with its stylesheet.

Deselect with `-m "not e2e"`.
"""

import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.core.test_accessibility import WCAG_22_AA, readable

pytestmark = pytest.mark.e2e

# A word per language that the demo's pages (or those its chain falls back to) contain.
WALKERS = {"en": "water", "ko": "워크숍", "th": "water", "zh-hant": "城市"}
UNTRANSLATED_ARTICLE = "/en/blog/citynet-turns-30-in-colombo/"
# An untranslated article that the width test puts behind a password.
WITH_PASSWORD = "/en/blog/mayors-to-meet-on-resilient-cities/"
# The shared demo site (tests/live) gets its article back unrestricted after the test.
RESTRICTIONS = f"""
from blog.models import ArticlePage
restrictions = ArticlePage.objects.get(
    locale__language_code="en", slug="{WITH_PASSWORD.split("/")[3]}"
).view_restrictions
"""
RESTRICT = RESTRICTIONS + 'restrictions.create(restriction_type="password", password="secret")'
UNRESTRICT = RESTRICTIONS + "restrictions.all().delete()"
PHONE_WIDTHS = [320, 360, 390]
# The demo's English section titles: no other language's menu shows them.
ENGLISH_MENU = ["News and stories", "Programs", "Partners"]
# Links that are not pages, and so have no language: files, feeds, calendars, the sitemap.
NOT_PAGES = re.compile(r"^/(documents|media|static|sitemap\.xml|feeds|programs/\d+|calendar|api)/?")
LINKS = "header a, nav a, .card a, .link-list a, .search-result a, .site-search"


@pytest.fixture(scope="module")
def demo_site(demo_site):
    demo_site.english = demo_site.sample_urls(["en"])["en"]
    return demo_site


def in_language(path, language):
    """The English demo path at another language's prefix, as a reader of it opens it."""
    return f"/{language}/{path.split('/', 2)[2]}"


def walk(site, language):
    english = site.english
    return [
        in_language(english["home"], language),
        in_language(english["article"], language),
        in_language(UNTRANSLATED_ARTICLE, language),
        in_language(english["program"], language),
        in_language(english["partner"], language),
        f"/{language}/search/?q={WALKERS[language]}",
        f"/{language}/no-such-page/",
    ]


def page_links(page):
    """Where the page's links and search form lead; the language menu leads to other languages
    on purpose."""
    return page.eval_on_selector_all(
        LINKS,
        """(links) => links
            .filter((link) => !link.closest('.language-switcher'))
            .map((link) => link.getAttribute('href') || link.getAttribute('action'))""",
    )


@pytest.mark.parametrize("language", WALKERS)
def test_a_reader_walks_the_site_in_their_language(browser, demo_site, language):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(60_000)  # the whole suite shares two cores
    foreign, violations, menus = [], [], {}
    for url in walk(demo_site, language):
        response = page.goto(demo_site.url + url, wait_until="load")
        assert response.status == (404 if "no-such-page" in url else 200), url
        # Tags are case-insensitive: pages write "zh-Hant", other views Django's "zh-hant".
        assert page.evaluate("document.documentElement.lang").lower() == language, url
        if labels := page.locator(".main-nav a").all_inner_texts():
            menus[url] = labels
        if "/search/" in url:
            assert page.locator(".search-result").count() > 0, url
        for href in page_links(page):
            path = re.sub(r"^https?://[^/]+", "", href)
            page_path = path.startswith("/") and not NOT_PAGES.match(path)
            if page_path and not path.startswith(f"/{language}/"):
                foreign.append(f"{url}: {path}")
        page.evaluate("document.querySelectorAll('details').forEach((menu) => (menu.open = true))")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        violations += readable(url, results)
    page.close()

    assert foreign == [], "\n".join(foreign)
    assert violations == [], "\n".join(violations)
    # The menu reads the same on every page, and in the reader's language: never the English
    # titles of sections the language has not translated.
    home_menu = menus[walk(demo_site, language)[0]]
    assert all(labels == home_menu for labels in menus.values()), menus
    if language != "en":
        assert not set(home_menu) & set(ENGLISH_MENU), home_menu


@pytest.fixture
def restricted(demo_site):
    demo_site.manage("shell", "-v0", "-c", RESTRICT)
    yield
    demo_site.manage("shell", "-v0", "-c", UNRESTRICT)


def test_no_page_scrolls_sideways_on_a_phone(browser, demo_site, restricted):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.set_default_timeout(60_000)
    english = demo_site.english
    paths = [
        *(english[name] for name in ("home", "article", "program", "partner")),
        *(english[name] for name in ("blog", "programs", "partners")),
        UNTRANSLATED_ARTICLE,
        WITH_PASSWORD,
    ]
    checked, overflowing = 0, []
    for language, _name in settings.LANGUAGES:
        urls = [in_language(path, language) for path in paths]
        urls += [f"/{language}/search/?q=water", f"/{language}/no-such-page/"]
        # The sign-in for pages of signed-in readers, and allauth's sign-in to comment.
        urls += [f"/{language}/_util/login/", "/accounts/login/"]
        for url in urls:
            page.set_viewport_size({"width": 390, "height": 844})
            page.goto(demo_site.url + url, wait_until="load")
            for width in PHONE_WIDTHS:
                page.set_viewport_size({"width": width, "height": 844})
                scroll, client = page.evaluate(
                    "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
                )
                checked += 1
                if scroll > client:
                    overflowing.append(f"{url} at {width} px: {scroll} px wide")
    page.close()

    assert checked == 8 * 13 * 3
    assert overflowing == [], "\n".join(overflowing)


@pytest.mark.parametrize("language", ["ko", "th"])
def test_make_run_shows_the_designed_404_in_the_readers_language(
    browser,  # noqa: F811
    demo_site,
    language,
):
    page = browser.new_page()
    stylesheets = []
    page.on(
        "response",
        lambda response: (
            response.request.resource_type == "stylesheet"
            and stylesheets.append((response.url.split("/", 3)[3], response.status))
        ),
    )

    response = page.goto(f"{demo_site.url}/{language}/no-such-page/", wait_until="load")

    with translation.override(language):
        heading = gettext("Page not found")
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator("h1").inner_text() == heading
    assert stylesheets == [("static/citynet/site.css", 200)]
    page.close()
