"""The benchmarks' bulk seed (benchmarks/seed.py) writes pages outside Wagtail's `add_child`:
the tree, the translations and the indexes must still be what Wagtail and readers expect."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page

from benchmarks import seed
from blog.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_seeded_articles_form_a_tree_that_readers_and_search_find(client, home_page):
    seed.index_pages(seed.seed(12))

    assert Page.find_problems() == ([], [], [], [], [])
    by_language = {
        code: ArticlePage.objects.filter(locale__language_code=code, live=True).count()
        for code in ("en", "ko", "ja")
    }
    assert by_language == {"en": 12, "ko": 3, "ja": 2}
    korean = ArticlePage.objects.get(locale__language_code="ko", slug="article-4")
    assert korean.get_translation(home_page.locale).slug == "article-4"
    assert client.get("/ko/blog/article-4/").status_code == 200
    english = ArticlePage.objects.get(locale__language_code="en", slug="article-4")
    term = english.title.split(" in ")[1].rsplit(" ", 1)[0]
    found = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "search": term}).json()
    assert english.pk in [item["id"] for item in found["items"]]
    assert client.get(f"/api/v2/pages/{english.pk}/").json()["authors"]


def test_a_seeded_articles_first_request_resizes_no_image(client, home_page):
    seed.index_pages(seed.seed(12))
    seed.render_every_size()
    renditions = get_image_model().get_rendition_model().objects
    sizes = renditions.count()

    english = ArticlePage.objects.get(locale__language_code="en", slug="article-8")
    for path in (english.get_url(), "/ko/blog/article-8/", f"/api/v2/pages/{english.pk}/"):
        assert client.get(path).status_code == 200

    assert sizes > 0
    assert renditions.count() == sizes
