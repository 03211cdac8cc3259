"""
The pages a reader meets on the way to a page that is not public (its password form, the
sign-in for signed-in readers) and to a comment (allauth's sign-in) are the site's own: its
layout, which fits a phone, in the language of the page the reader came from (issue 25).
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


def translate(page, language):
    translation_ = page.copy_for_translation(Locale.objects.get(language_code=language))
    translation_.save_revision().publish()
    return translation_


@pytest.fixture
def korean_article(home_page, blog_index):
    translate(home_page, "ko")
    translate(blog_index, "ko")
    return translate(factories.ArticlePageFactory(parent=blog_index, slug="river"), "ko")


def in_language(language, message):
    with translation.override(language):
        return gettext(message)


def site_page(response):
    """The page's language, heading and whether it has the site's layout for phones."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        "lang": soup.html["lang"],
        "h1": soup.h1.get_text(strip=True),
        "layout": bool(soup.select_one("meta[name=viewport]") and soup.select_one(".site-header")),
    }


def test_a_password_form_is_in_the_site_layout_and_the_readers_language(client, korean_article):
    PageViewRestriction.objects.create(
        page=korean_article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get(korean_article.url)

    assert site_page(response) == {
        "lang": "ko",
        "h1": in_language("ko", "Password required"),
        "layout": True,
    }
    wrong = client.post(
        BeautifulSoup(response.content.decode(), "html.parser").select_one("main form")["action"],
        {"password": "wrong", "return_url": korean_article.url},
    )
    assert site_page(wrong)["layout"] is True


def test_an_untranslated_page_asks_for_its_password_in_the_readers_language(client, blog_index):
    article = factories.ArticlePageFactory(parent=blog_index, slug="harbour")
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get("/th/blog/harbour/")
    wrong = client.post(
        BeautifulSoup(response.content.decode(), "html.parser").select_one("main form")["action"],
        {"password": "wrong", "return_url": "/th/blog/harbour/"},
    )

    expected = {"lang": "th", "h1": in_language("th", "Password required"), "layout": True}
    assert site_page(response) == site_page(wrong) == expected
    menu = BeautifulSoup(wrong.content.decode(), "html.parser").select(".main-nav a")
    assert [link["href"] for link in menu] == ["/th/blog/"]


def test_the_sign_in_for_a_page_of_signed_in_readers_is_in_the_readers_language(
    client, korean_article
):
    PageViewRestriction.objects.create(
        page=korean_article, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(korean_article.url, follow=True)

    assert response.redirect_chain[0][0].startswith("/ko/_util/login/")
    assert site_page(response) == {"lang": "ko", "h1": in_language("ko", "Log in"), "layout": True}


def test_allauths_sign_in_speaks_the_language_of_the_article(client, korean_article):
    """The comment form asks for its token at the article's language prefix."""
    client.get(f"/ko/comments/token/?page={korean_article.pk}")

    page = site_page(client.get("/accounts/login/"))

    assert (page["lang"], page["layout"]) == ("ko", True)
