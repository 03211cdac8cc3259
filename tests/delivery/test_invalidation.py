"""A change invalidates exactly the responses that show what changed, and nothing else."""

import pytest

from tests import factories
from tests.delivery.conftest import is_cached, purged_tags, tags_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(make_article, partner, program, partner_index):
    """Article A links to partner P; article B and program X have nothing to do with A."""
    article = make_article(0, title="Seoul opens its data")
    factories.ArticlePartnerFactory(article=article, partner=partner)
    article.save_revision().publish()
    other = make_article(1, title="Bangkok plants trees")
    other_partner = factories.PartnerPageFactory(parent=partner_index, title="Yokohama")
    return article, partner, other, program, other_partner


def urls(article, partner, other, program, other_partner):
    return {
        "article": f"/api/v2/pages/{article.pk}/",
        "article html": article.url,
        "articles": "/api/v2/pages/?type=blog.ArticlePage&locale=en",
        "all pages": "/api/v2/pages/",
        "partner": f"/api/v2/pages/{partner.pk}/",
        "partner html": partner.url,
        "home": "/en/",
        "blog": "/en/blog/",
        "feed": "/feeds/articles/",
        "other": f"/api/v2/pages/{other.pk}/",
        "other html": other.url,
        "programs": "/api/v2/pages/?type=programs.ProgramPage",
        "program": f"/api/v2/pages/{program.pk}/",
        "program html": program.url,
        "other partner": f"/api/v2/pages/{other_partner.pk}/",
        "people": "/api/v2/people/",
    }


def warm(client, urls):
    for url in urls.values():
        client.get(url)
    assert all(is_cached(client, url) for url in urls.values())


def recomputed(client, urls):
    return {name for name, url in urls.items() if not is_cached(client, url, gone_ok=True)}


AFFECTED = {
    "article",
    "article html",
    "articles",
    "all pages",
    "partner",
    "partner html",
    "home",
    "blog",
    "feed",
}


@pytest.mark.parametrize("change", ["publish", "unpublish"])
def test_a_page_change_invalidates_exactly_what_shows_it(
    client, network, purges, django_capture_on_commit_callbacks, change
):
    article, *_rest = network
    pages = urls(*network)
    warm(client, pages)
    other_tags = tags_of(client.get(pages["other"])) | tags_of(client.get(pages["program"]))

    with django_capture_on_commit_callbacks(execute=True):
        if change == "publish":
            article.title = "Seoul opens all its data"
            article.save_revision().publish()
        else:
            article.unpublish()

    assert recomputed(client, pages) == AFFECTED
    tags = purged_tags(purges)
    assert {f"page-{article.pk}", f"about-{network[1].pk}", "list-blog.articlepage-en"} <= tags
    assert not tags & other_tags  # the CDN keeps what the change does not touch


def test_a_new_link_reaches_the_page_linked_to(client, network):
    """The reference index catches up later: the new content's references count at once."""
    article, _partner, _other, _program, other_partner = network
    pages = urls(*network)
    warm(client, pages)

    factories.ArticlePartnerFactory(article=article, partner=other_partner)
    article.save_revision().publish()

    assert "other partner" in recomputed(client, pages)
    data = client.get(pages["other partner"]).json()
    assert [item["title"] for item in data["articles"]] == [article.title]


def test_a_snippet_change_reaches_only_the_pages_showing_it(client, network):
    article, *_rest = network
    pages = urls(*network)
    warm(client, pages)

    author = article.authors.first().person
    author.name = "Kim Ji-woo"
    author.save()

    # The home page, the blog and the feed name each article's authors.
    shows_authors = {"article", "article html", "people", "home", "blog", "feed"}
    assert recomputed(client, pages) == shows_authors
    assert "Kim Ji-woo" in client.get(pages["article"]).content.decode()


def test_an_image_change_reaches_only_the_pages_showing_it(client, network):
    article, *_rest = network
    pages = urls(*network)
    warm(client, pages)

    article.hero_image.title = "Seoul city hall at night"
    article.hero_image.save()

    # Teasers on the home page, the blog and the partner's page show the hero image; API
    # listings do not unless asked for it.
    assert recomputed(client, pages) == {"article", "article html", "home", "blog", "partner"}


def test_every_public_response_names_its_tags(client, network, settings):
    article, partner, *_rest = network
    settings.CACHE_TAG_HEADERS = ["xkey", "Surrogate-Key", "Cache-Tag"]

    response = client.get(f"/api/v2/pages/{article.pk}/")

    tags = tags_of(response)
    assert {f"page-{article.pk}", f"page-{partner.pk}"} <= tags
    assert f"images.customimage-{article.hero_image_id}" in tags
    assert f"people.person-{article.authors.first().person_id}" in tags
    assert set(response["Surrogate-Key"].split()) == tags
    assert set(response["Cache-Tag"].split(",")) == tags
    listing = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "locale": "en"})
    assert "list-blog.articlepage-en" in tags_of(listing)
