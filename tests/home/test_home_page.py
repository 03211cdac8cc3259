import datetime

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from home.models import HomePageFeaturedLink
from tests import factories
from tests.visitor import count_queries, get_ok

pytestmark = pytest.mark.django_db


def test_home_shows_introduction_featured_latest_and_upcoming(
    client, home_page, blog_index, program_index
):
    soon = timezone.localdate() + datetime.timedelta(days=5)
    upcoming = factories.ProgramPageFactory(
        parent=program_index, title="Mayors forum", start_date=soon, end_date=soon
    )
    factories.ProgramPageFactory(
        parent=program_index,
        title="Congress 2017",
        start_date=datetime.date(2017, 11, 5),
        end_date=datetime.date(2017, 11, 8),
    )
    article = factories.ArticlePageFactory(parent=blog_index, title="CityNet turns 30")
    draft = factories.ArticlePageFactory(parent=blog_index, title="Unpublished pick")
    draft.unpublish()
    home_page.featured_links = [
        HomePageFeaturedLink(page=upcoming),
        HomePageFeaturedLink(page=draft),
    ]
    home_page.save()

    html = get_ok(client, "/en/")
    featured = html[html.index('id="featured-heading"') : html.index('id="upcoming-heading"')]
    upcoming_section = html[html.index('id="upcoming-heading"') : html.index('id="latest-heading"')]
    latest = html[html.index('id="latest-heading"') :]

    assert "CityNet connects cities and local governments across the Asia-Pacific." in html
    assert "Mayors forum" in featured and "Unpublished pick" not in html
    assert article.title in latest
    assert "Mayors forum" in upcoming_section and "Congress 2017" not in upcoming_section


def test_layout_has_landmarks_navigation_and_breadcrumbs(
    client, home_page, blog_index, program_index, partner_index
):
    article = factories.ArticlePageFactory(parent=blog_index, title="Notes from WUF9")
    partner_index.unpublish()

    html = get_ok(client, article.url)

    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert '<footer class="site-footer">' in html
    # The home page's live children, with the current section marked.
    assert f'<a href="{blog_index.url}" aria-current="true">Blog</a>' in html
    assert f'<a href="{program_index.url}">Programs</a>' in html
    assert "Partners</a>" not in html
    breadcrumbs = html[html.index('aria-label="Breadcrumb"') :]
    assert (
        breadcrumbs.index("CityNet")
        < breadcrumbs.index("Blog")
        < breadcrumbs.index("Notes from WUF9")
    )


def test_pages_link_the_stylesheet_which_shows_keyboard_focus(client, home_page):
    stylesheet = finders.find("citynet/site.css")

    assert '<link rel="stylesheet" href="/static/citynet/site.css">' in get_ok(client, "/en/")
    with open(stylesheet) as css:
        assert ":focus-visible" in css.read()


@pytest.mark.parametrize("count", [3, 10])
def test_home_queries_do_not_grow_with_content(client, home_page, blog_index, program_index, count):
    soon = timezone.localdate() + datetime.timedelta(days=5)
    links = []
    for _ in range(count):
        article = factories.ArticlePageFactory(
            parent=blog_index, hero_image=factories.ImageFactory()
        )
        factories.ArticleAuthorFactory(article=article)
        program = factories.ProgramPageFactory(
            parent=program_index,
            start_date=soon,
            end_date=soon,
            hero_image=factories.ImageFactory(),
        )
        links += [HomePageFeaturedLink(page=article), HomePageFeaturedLink(page=program)]
    home_page.featured_links = links[:6]
    home_page.save()

    # No breadcrumbs query: the home page has no ancestor to show.
    assert count_queries(client, "/en/") == 19
