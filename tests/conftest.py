import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Site

from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from home.models import HomePage
from tests import factories
from tests.clock import clock  # noqa: F401 (the one clock fixture)
from tests.databases import (  # noqa: F401 (pytest hooks and the database fixture)
    django_db_setup,
    pytest_configure_node,
    pytest_sessionfinish,
    pytest_sessionstart,
)
from tests.live.fixtures import (  # noqa: F401 (the live-server harness's fixtures)
    browser,
    demo_site,
    live_site,
    live_site_env,
    live_site_setup,
    migrated_database,
)
from tests.live.scheduling import (  # noqa: F401 (live-site tests grouped and first, for xdist)
    pytest_collection_modifyitems,
    pytest_itemcollected,
)


@pytest.fixture
def home_page(db):
    """The English home page that the migrations create, as the default site's root."""
    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def blog_index(home_page):
    return factories.BlogIndexPageFactory(parent=home_page)


@pytest.fixture
def program_index(home_page):
    return factories.ProgramIndexPageFactory(parent=home_page)


@pytest.fixture
def partner_index(home_page):
    return factories.PartnerIndexPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def clear_cache():
    """
    Wagtail caches site root paths and renditions, the site caches responses: every test starts
    from an empty cache and leaves one. The API remembers page types per process, which outlive
    the rolled-back pages of a test whose ids the next test reuses.
    """
    from citynet.api.pages import page_model_for

    cache.clear()
    page_model_for.cache_clear()
    yield
    cache.clear()
    page_model_for.cache_clear()


def member_of(group_name, **kwargs):
    user = factories.UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def secondee(db):
    """A secondment staff author (secondee@example.org)."""
    return member_of(SECONDEES, username="secondee", first_name="Sun", last_name="Park")


@pytest.fixture
def other_secondee(db):
    return member_of(SECONDEES, username="other-secondee")


@pytest.fixture
def comms(db):
    """A member of the communications team (comms@example.org)."""
    return member_of(COMMUNICATIONS, username="comms")
