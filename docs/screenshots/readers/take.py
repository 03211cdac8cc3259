"""
Screenshots for issue 25 ("Readers stay in their language"), at 390 px as a phone shows them:
`python docs/screenshots/readers/take.py before|after [name...]` writes <name>-<state>.png here.

1. a Korean reader opening an untranslated article, and a Thai reader opening the home page;
2. the Korean home page's featured and upcoming programs;
6. the English article with the comment form, the window scrolled fully to the right.
"""

import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from citynet.demo.live import DemoSite  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
SHOTS = {
    "1-untranslated-article-ko": ("/ko/blog/citynet-turns-30-in-colombo/", None),
    "1-home-th": ("/th/", None),
    "2-home-ko": ("/ko/", "#upcoming-heading"),
    "6-comment-form-en": ("/en/blog/citynet-turns-30-in-colombo/", "#comments form"),
}


def capture(browser, url, selector, path):
    page = browser.new_page(viewport=PHONE, device_scale_factor=1)
    page.goto(url, wait_until="networkidle")
    if selector:
        page.locator(selector).first.evaluate("(element) => element.scrollIntoView()")
    # What a reader who swipes sideways sees: the page scrolled as far right as it goes.
    page.evaluate("window.scrollTo(document.documentElement.scrollWidth, window.scrollY)")
    page.screenshot(path=path)
    page.close()
    Image.open(path).convert("RGB").quantize(128, method=Image.Quantize.FASTOCTREE).save(
        path, optimize=True
    )


def main(state, names):
    with (
        tempfile.TemporaryDirectory() as directory,
        DemoSite(directory) as site,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for name, (url, selector) in SHOTS.items():
            if names and name not in names:
                continue
            path = HERE / f"{name}-{state}.png"
            capture(browser, site.url + url, selector, path)
            print(path)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
