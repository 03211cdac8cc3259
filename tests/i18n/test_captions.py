"""
Captions per use (issue #25, finding 5): a page gives its hero image and its image blocks their
own captions, translated with the page through wagtail-localize; without one, the image's own
caption is shown. HTML, v2 and v3 show the caption used, in the page's language.
"""

import html

import pytest

from citynet.i18n.translations import translate
from tests import factories
from tests.visitor import count_queries

pytestmark = pytest.mark.django_db

IMAGE_CAPTION = "Seoul, where the water workshop met"
HERO_CAPTION = "Boats on a canal in Bangkok"
BLOCK_CAPTION = "The canal at dawn"
KOREAN = {HERO_CAPTION: "방콕의 운하를 지나는 배", BLOCK_CAPTION: "새벽의 운하"}


@pytest.fixture
def photo():
    return factories.ImageFactory(caption=IMAGE_CAPTION)


def captions_shown(client, page):
    """The hero's and the image block's captions, in HTML, v2 and v3."""
    page_html = client.get(page.url).content.decode()
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
    (v2_block,) = [block for block in v2["body"] if block["type"] == "image"]
    (v3_block,) = [block for block in v3["body"] if block["type"] == "image"]
    return {
        "html": [
            html.unescape(part.split("</span>")[0])
            for part in page_html.split('<span class="figure__caption">')[1:]
        ],
        "v2": [v2["hero_image"]["caption"], v2["hero_image_caption"], v2_block["value"]["caption"]],
        "v3": [v3["hero_image_caption"], v3_block["value"]["caption"]],
    }


def test_a_page_captions_its_photos_itself_and_the_translation_in_its_language(
    client, photo, blog_index, korean_blog_index
):
    article = factories.ArticlePageFactory(
        parent=blog_index,
        hero_image=photo,
        hero_caption=HERO_CAPTION,
        body=[("image", {"image": photo, "caption": BLOCK_CAPTION})],
    )

    korean = translate(article, "ko", KOREAN)

    assert captions_shown(client, article) == {
        "html": [HERO_CAPTION, BLOCK_CAPTION],
        "v2": [HERO_CAPTION, HERO_CAPTION, BLOCK_CAPTION],
        "v3": [HERO_CAPTION, BLOCK_CAPTION],
    }
    hero, block = KOREAN[HERO_CAPTION], KOREAN[BLOCK_CAPTION]
    assert captions_shown(client, korean) == {
        "html": [hero, block],
        "v2": [hero, hero, block],
        "v3": [hero, block],
    }


def test_without_its_own_caption_a_page_shows_the_images_in_every_language(
    client, photo, blog_index, korean_blog_index
):
    article = factories.ArticlePageFactory(
        parent=blog_index,
        hero_image=photo,
        body=[("image", {"image": photo, "caption": ""})],
    )

    korean = translate(article, "ko", {})

    for page in (article, korean):
        assert captions_shown(client, page) == {
            "html": [IMAGE_CAPTION, IMAGE_CAPTION],
            "v2": [IMAGE_CAPTION, IMAGE_CAPTION, IMAGE_CAPTION],
            "v3": [IMAGE_CAPTION, IMAGE_CAPTION],
        }


def test_a_program_captions_its_hero_itself(client, program_index, photo):
    program = factories.ProgramPageFactory(
        parent=program_index, hero_image=photo, hero_caption=HERO_CAPTION
    )

    page_html = client.get(program.url).content.decode()
    v2 = client.get(f"/api/v2/pages/{program.pk}/").json()
    v3 = client.get(f"/api/v3/pages/{program.pk}/").json()

    assert f'<span class="figure__caption">{HERO_CAPTION}</span>' in page_html
    assert IMAGE_CAPTION not in page_html
    assert v2["hero_image"]["caption"] == v2["hero_image_caption"] == HERO_CAPTION
    assert v3["hero_image_caption"] == HERO_CAPTION


def test_a_listing_of_hero_captions_loads_the_images_with_the_pages(client, blog_index, photo):
    for _ in range(3):
        factories.ArticlePageFactory(parent=blog_index, hero_image=photo)
    listing = {"type": "blog.ArticlePage", "fields": "hero_image_caption"}

    items = client.get("/api/v2/pages/", listing).json()["items"]  # caches warm

    assert [item["hero_image_caption"] for item in items] == [IMAGE_CAPTION] * 3
    # As many as without fields (count, pages): the images come with the pages.
    assert count_queries(client, "/api/v2/pages/", listing) == 2
