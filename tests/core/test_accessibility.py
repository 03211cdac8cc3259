"""
Every public page type of the demo site, in English, Korean and Traditional Chinese, has no
WCAG 2.2 AA violation that axe-core finds in headless Chromium (contrast, landmarks, labels,
headings, link names, lang attributes). Deselect with `-m "not e2e"`.
"""

import pytest

pytestmark = pytest.mark.e2e

LANGUAGES = {"en": "water", "ko": "워크숍", "zh-hant": "城市"}
PAGE_TYPES = ["home", "article", "blog", "program", "programs", "partner", "partners"]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def demo_site(demo_site):
    demo_site.urls = demo_site.sample_urls(LANGUAGES)
    return demo_site


def urls_to_check(site):
    for language, word in LANGUAGES.items():
        for page_type in PAGE_TYPES:
            yield site.urls[language][page_type]
        yield f"/{language}/search/?q={word}"
        yield f"/{language}/no-such-page/"


def readable(url, results):
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']}")
    return lines


def test_every_page_type_has_no_wcag_22_aa_violation(browser, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)  # the whole suite shares two cores
    checked, violations = [], []
    for url in urls_to_check(demo_site):
        response = page.goto(demo_site.url + url, wait_until="load")
        assert response.status == (404 if "no-such-page" in url else 200), url
        if "/search/" in url:
            assert page.locator(".search-result").count() > 0, url
        page.evaluate("document.querySelectorAll('details').forEach((menu) => (menu.open = true))")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        checked.append(url)
        violations += readable(url, results)

    assert len(checked) == 27
    assert violations == [], "\n".join(violations)


def test_the_checker_reports_a_violation(browser, demo_site):
    """The check can fail: an image without a text alternative is reported."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(demo_site.url + demo_site.urls["en"]["home"])
    page.evaluate("document.querySelector('main img').removeAttribute('alt')")

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})

    assert "image-alt" in [violation["id"] for violation in results.response["violations"]]


def test_the_language_menu_works_with_the_keyboard(browser, demo_site):
    page = browser.new_page()
    page.goto(demo_site.url + demo_site.urls["ko"]["article"])
    menu = page.locator(".language-menu")
    summary = menu.locator("summary")
    english = menu.get_by_role("link", name="English")

    summary.focus()
    page.keyboard.press("Enter")
    assert english.is_visible()
    assert english.get_attribute("hreflang") == "en" and english.get_attribute("lang") == "en"
    assert menu.locator("[aria-current=page]").get_attribute("lang") == "ko"

    page.keyboard.press("Escape")
    assert not english.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    page.keyboard.press("Enter")
    english.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(demo_site.url + demo_site.urls["en"]["article"])
