"""Unpublished, draft, private, expired and not-yet-live content never leaks through the API."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def titles(data):
    return [item["title"] for item in data["items"]]


@pytest.fixture
def hidden_articles(make_article, blog_index):
    """One visible article and one of each kind the public must not see, all about "secret"."""
    visible = make_article(0, title="Visible secret")
    unpublished = make_article(1, title="Unpublished secret")
    unpublished.unpublish()
    expired = make_article(2, title="Expired secret")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    private = make_article(3, title="Private secret")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    scheduled = factories.ArticlePageFactory(
        parent=blog_index, title="Scheduled secret", live=False
    )
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    draft = make_article(4, title="Draft")
    draft.title = "Draft secret"
    draft.save_revision()  # a draft of a live page: the live title stays
    return visible, [unpublished, expired, private, scheduled]


def test_hidden_pages_are_not_listed_counted_found_or_served(client, hidden_articles):
    visible, hidden = hidden_articles

    for params in ({}, {"type": "blog.ArticlePage"}, {"search": "secret"}):
        data = get_json(client, "/api/v2/pages/", **params)
        listed = {item["title"] for item in data["items"]}
        assert "Visible secret" in listed
        assert not listed & {"Unpublished secret", "Expired secret", "Private secret"}
        assert "Draft secret" not in listed and "Scheduled secret" not in listed
        assert data["meta"]["total_count"] == len(data["items"])
    for page in hidden:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_a_page_leaves_its_detail_the_moment_it_expires(client, make_article):
    """Even with no scheduler to unpublish it, and with its detail query kept from before."""
    article = make_article(title="Expiring")
    article.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    article.save()
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 200

    with time_machine.travel(article.expire_at + datetime.timedelta(seconds=1)):
        assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404


def test_a_page_leaves_listings_the_moment_it_expires(client, make_article):
    """With each listing's query kept from before, as a detail's is (decision 0146)."""
    make_article(0, title="Staying")
    article = make_article(1, title="Expiring")
    article.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    article.save()
    listings = [
        {"type": "blog.ArticlePage"},
        {"type": "blog.ArticlePage", "locale": "en"},
        {"type": "blog.ArticlePage", "locale": "ko", "fallback": "true"},
        {"type": "blog.ArticlePage", "order": "-title", "limit": "5"},
    ]

    def listed(params):
        return titles(get_json(client, "/api/v2/pages/", **params))

    assert [listed(params) for params in listings] == [["Staying", "Expiring"]] * 4
    with time_machine.travel(article.expire_at + datetime.timedelta(seconds=1)):
        assert [listed(params) for params in listings] == [["Staying"]] * 4


def test_a_detail_or_listing_serves_only_its_own_sites_pages(client, make_article, home_page):
    """A query kept for one site is not used for another (decision 0146)."""
    article = make_article(title="On the main site")
    other_root = factories.HomePageFactory(parent=home_page.get_parent(), title="Other home")
    other_blog = factories.BlogIndexPageFactory(parent=other_root, title="Other blog")
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    other_article = factories.ArticlePageFactory(parent=other_blog, title="On the other site")

    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 200
    assert client.get(f"/api/v2/pages/{other_article.pk}/").status_code == 404
    other_site = {"site": "other.example"}
    assert client.get(f"/api/v2/pages/{other_article.pk}/", other_site).status_code == 200
    assert client.get(f"/api/v2/pages/{article.pk}/", other_site).status_code == 404
    articles = {"type": "blog.ArticlePage"}
    assert titles(get_json(client, "/api/v2/pages/", **articles)) == ["On the main site"]
    other_articles = get_json(client, "/api/v2/pages/", **articles, **other_site)
    assert titles(other_articles) == ["On the other site"]


def test_pages_under_a_private_section_are_hidden(client, make_article, blog_index):
    article = make_article()
    PageViewRestriction.objects.create(page=blog_index, restriction_type="password", password="x")

    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
    data = get_json(client, "/api/v2/pages/", type="blog.ArticlePage")
    assert data["meta"]["total_count"] == 0


def test_hidden_related_pages_are_left_out(client, make_article, program, partner, partner_index):
    article = make_article()
    hidden_partner = factories.PartnerPageFactory(parent=partner_index, title="Hidden partner")
    hidden_partner.unpublish()
    factories.ArticlePartnerFactory(article=article, partner=partner)
    factories.ArticlePartnerFactory(article=article, partner=hidden_partner)
    factories.ArticleProgramFactory(article=article, program=program)
    program.unpublish()

    data = get_json(client, f"/api/v2/pages/{article.pk}/")

    assert [item["title"] for item in data["related_partners"]] == [partner.title]
    assert data["related_programs"] == []
    listing = get_json(client, "/api/v2/pages/", type="blog.ArticlePage", fields="related_partners")
    assert [item["title"] for item in listing["items"][0]["related_partners"]] == [partner.title]
    assert get_json(client, f"/api/v2/pages/{partner.pk}/")["programs"] == []


def test_an_unpublished_parent_is_not_shown(client, make_article, blog_index):
    article = make_article()
    blog_index.unpublish()

    assert get_json(client, f"/api/v2/pages/{article.pk}/")["meta"]["parent"] is None


def test_filters_cannot_reveal_hidden_pages(client, hidden_articles):
    for params in ({"tag": "energy"}, {"theme": "climate"}, {"date_from": "2000-01-01"}):
        data = get_json(client, "/api/v2/pages/", type="blog.ArticlePage", **params)
        assert sorted(item["title"] for item in data["items"]) == ["Draft", "Visible secret"]


def test_site_parameter_chooses_the_site_as_documented(client, make_article, home_page):
    """`?site=hostname[:port]` lists another site's pages; an unknown site is a 404."""
    make_article(0, title="On the main site")
    other_root = factories.HomePageFactory(parent=home_page.get_parent(), title="Other home")
    factories.BlogIndexPageFactory(parent=other_root, title="Other blog")
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)

    def titles(**params):
        return {item["title"] for item in get_json(client, "/api/v2/pages/", **params)["items"]}

    assert "On the main site" in titles()
    assert "Other blog" not in titles()
    assert titles(site="other.example") == {"Other home", "Other blog"}
    assert titles(site="other.example:80") == {"Other home", "Other blog"}
    assert client.get("/api/v2/pages/", {"site": "nowhere.example"}).status_code == 404
