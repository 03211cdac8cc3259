"""
Screenshots of the demo site for the README: `make screenshots`.

Loads the demo into a throw-away database, serves it, and captures home, article, program,
partner and search in English, Korean and Traditional Chinese at 1280 px and 390 px wide into
docs/screenshots/<page>-<language>-<desktop|mobile>.png (full page, cut at MAX_HEIGHT, reduced to
256 colours to keep the repository small). Needs Debian's chromium and fonts-noto-cjk.
"""

import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from citynet.demo.live import DemoSite  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
# A search word per language that finds several demo pages.
LANGUAGES = {"en": "water", "ko": "워크숍", "zh-hant": "城市"}
PAGES = ["home", "article", "program", "partner", "search"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
MAX_HEIGHT = 1800
DITHER = Image.Dither.FLOYDSTEINBERG


def capture(browser, url, viewport, path):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    clip = {"x": 0, "y": 0, "width": viewport["width"], "height": height}
    page.screenshot(path=path, full_page=True, clip=clip)
    context.close()
    Image.open(path).convert("RGB").quantize(
        256, method=Image.Quantize.FASTOCTREE, dither=DITHER
    ).save(path, optimize=True)


def main():
    with tempfile.TemporaryDirectory() as directory, DemoSite(directory) as site:
        urls = site.sample_urls(LANGUAGES)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for language, word in LANGUAGES.items():
                urls[language]["search"] = f"/{language}/search/?q={word}"
                for name in PAGES:
                    for device, viewport in VIEWPORTS.items():
                        path = HERE / f"{name}-{language}-{device}.png"
                        capture(browser, site.url + urls[language][name], viewport, path)
                        print(path.relative_to(HERE.parents[1]))
            browser.close()


if __name__ == "__main__":
    main()
