import pytest

from blog.models import ArticlePage, BlogIndexPage
from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from programs.models import ProgramIndexPage, ProgramPage


@pytest.mark.django_db
def test_migrations_make_the_english_home_page_the_default_site_root(site, home_page):
    assert site.root_page.specific == home_page
    assert home_page.locale.language_code == "en"


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (HomePage, BlogIndexPage, True),
        (HomePage, ProgramIndexPage, True),
        (HomePage, PartnerIndexPage, True),
        (HomePage, ArticlePage, False),
        (BlogIndexPage, ArticlePage, True),
        (BlogIndexPage, ProgramPage, False),
        (ProgramIndexPage, ProgramPage, True),
        (ProgramIndexPage, ArticlePage, False),
        (PartnerIndexPage, PartnerPage, True),
        (PartnerIndexPage, ProgramPage, False),
        (ArticlePage, ArticlePage, False),
        (ProgramPage, ProgramPage, False),
        (PartnerPage, PartnerPage, False),
    ],
)
def test_page_tree_rules(parent, child, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("index_fixture", ["blog_index", "program_index", "partner_index"])
def test_a_home_page_has_one_index_of_each_kind(request, home_page, index_fixture):
    index = request.getfixturevalue(index_fixture)

    assert not type(index).can_create_at(home_page)
