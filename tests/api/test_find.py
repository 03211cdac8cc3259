"""
`/api/v2/pages/find/?html_path=` answers with the page a reader sees at that address: in the
address's language (an outside tester found every /ko/ and /en/ address answered 404), falling
back along the language's chain as the HTML site does; an unprefixed path is the default tree.
"""

import io
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from wagtail.models import Page

from blog.models import ArticlePage
from citynet.visibility import publicly_visible

pytestmark = pytest.mark.django_db


def found_id(client, html_path):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path})
    if response.status_code == 404:
        return None
    assert response.status_code == 302, (html_path, response.content)
    path = urlparse(response["Location"]).path
    assert path.startswith("/api/v2/pages/") and path.endswith("/"), path
    return int(path.removeprefix("/api/v2/pages/").strip("/"))


def test_every_demo_address_finds_its_page_in_each_language(client, home_page):
    call_command("load_demo", stdout=io.StringIO())
    prefixes = set()

    for page in publicly_visible(Page.objects).filter(depth__gt=1).select_related("locale"):
        address = page.url
        prefix = address.split("/")[1]
        assert prefix == page.locale.language_code, address
        prefixes.add(prefix)
        assert found_id(client, address) == page.pk, address

    assert prefixes == {"en", "ko", "zh-hant"}
    korean_home = Page.objects.get(depth=2, locale__language_code="ko")
    assert found_id(client, "/ko/") == found_id(client, "/ko") == korean_home.pk
    # Unprefixed, as before: the default language's tree.
    english = ArticlePage.objects.get(
        slug="citynet-turns-30-in-colombo", locale__language_code="en"
    )
    assert found_id(client, "/blog/citynet-turns-30-in-colombo/") == english.pk
    # A Korean address of an article not in Korean shows the English one, as the HTML site does.
    assert not english.get_translations().filter(locale__language_code="ko").exists()
    fallback = "/ko/blog/citynet-turns-30-in-colombo/"
    assert client.get(fallback)["Content-Language"] == "en"
    assert found_id(client, fallback) == english.pk
    assert found_id(client, "/ko/blog/no-such-article/") is None


def test_an_empty_html_path_is_a_400(client, blog_index):
    response = client.get("/api/v2/pages/find/", {"html_path": ""})

    assert response.status_code == 400
    assert response.json()["message"] == "html_path is empty: give a page's path, such as /en/blog/"


@pytest.mark.parametrize("html_path", ["//", "/en//"])
def test_a_path_with_an_empty_segment_is_no_page(client, blog_index, html_path):
    assert found_id(client, html_path) is None


def test_a_language_prefix_in_capitals_is_a_404_as_on_the_html_site(client, blog_index):
    assert found_id(client, f"/ko/{blog_index.slug}/") == blog_index.pk

    assert client.get(f"/KO/{blog_index.slug}/").status_code == 404
    assert found_id(client, f"/KO/{blog_index.slug}/") is None
