"""
Every list and detail endpoint runs the same small number of queries (at most 9) however many
pages exist and whatever the limit. One of them finds the request's Site, whose address the
`detail_url`s start with (decision 0140; none with API_PUBLIC_BASE_URL). Counts are taken once
caches are warm and renditions exist, as in production after the first request, for responses
that are computed rather than taken from the response cache (tests/citynet/test_response_cache.py).
"""

import pytest

from tests import factories
from tests.api.conftest import story_body
from tests.visitor import count_queries

pytestmark = pytest.mark.django_db

TEASER_FIELDS = "standfirst,date_published,hero_image,authors,themes"


@pytest.fixture
def articles(blog_index, themes, program, partner):
    """Builds `count` complete articles sharing a few images and people, to stay quick."""

    def make(count):
        images = factories.ImageFactory.create_batch(3)
        people = [factories.PersonFactory(photo=image) for image in images]
        pages = []
        for index in range(count):
            article = factories.ArticlePageFactory(
                parent=blog_index, hero_image=images[0], body=story_body(images[1], images[1:])
            )
            for person in people[:2]:
                factories.ArticleAuthorFactory(article=article, person=person)
            factories.ArticleProgramFactory(article=article, program=program)
            factories.ArticlePartnerFactory(article=article, partner=partner)
            article.themes.set(themes)
            article.tags.add("energy", f"tag-{index}")
            article.save_revision().publish()
            pages.append(article)
        return pages

    return make


@pytest.mark.parametrize("count", [5, 50])
def test_article_endpoints(client, articles, count):
    pages = articles(count)
    listing = {"type": "blog.ArticlePage", "limit": 100}

    # count, pages, authors with people and photos, themes, renditions
    assert count_queries(client, "/api/v2/pages/", {**listing, "fields": TEASER_FIELDS}) == 5
    # ... plus tags, related programs and related partners
    assert count_queries(client, "/api/v2/pages/", {**listing, "fields": "*"}) == 8
    assert count_queries(client, "/api/v2/pages/", {**listing, "search": "Cities"}) == 2
    # The benchmark's search: the teaser listing's queries, its pages in order of relevance.
    search = {**listing, "fields": TEASER_FIELDS, "search": "Cities", "limit": 20, "offset": 2}
    assert count_queries(client, "/api/v2/pages/", search) == 5
    # page with parent, authors, themes, tags, programs, partners, body images, renditions
    assert count_queries(client, f"/api/v2/pages/{pages[-1].pk}/") == 8
    assert count_queries(client, "/api/v2/pages/", {"limit": 100}) == 2


@pytest.mark.parametrize("count", [5, 50])
def test_program_partner_and_snippet_endpoints(client, articles, program, partner, count):
    articles(count)

    assert (
        count_queries(client, "/api/v2/pages/", {"type": "programs.ProgramPage", "fields": "*"})
        == 5
    )
    assert count_queries(client, f"/api/v2/pages/{program.pk}/") == 4
    assert (
        count_queries(client, "/api/v2/pages/", {"type": "partners.PartnerPage", "fields": "*"})
        == 5
    )
    assert count_queries(client, f"/api/v2/pages/{partner.pk}/") == 4
    assert count_queries(client, "/api/v2/people/", {"fields": "*"}) == 4
    assert count_queries(client, "/api/v2/themes/", {"fields": "*"}) == 3
    # collection restrictions (checked twice by Wagtail), count, images, tags, renditions
    assert count_queries(client, "/api/v2/images/") == 7
