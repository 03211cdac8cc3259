import datetime

import pytest
from django.utils import timezone

from programs.models import ProgramPartner
from tests import factories
from tests.visitor import count_queries, get_ok

pytestmark = pytest.mark.django_db


def test_program_page_shows_dates_place_status_organisers_and_themes(
    client, program_index, partner_index
):
    program = factories.ProgramPageFactory(
        parent=program_index,
        title="Ninth World Urban Forum",
        kind="forum",
        start_date=datetime.date(2018, 2, 7),
        end_date=datetime.date(2018, 2, 13),
        time_zone="Asia/Kuala_Lumpur",
        venue="Kuala Lumpur Convention Centre",
        city="Kuala Lumpur",
        country="MY",
        registration_url="https://example.org/register",
    )
    program.themes.add(factories.ThemeFactory(name="Infrastructure", slug="infrastructure"))
    program.save()
    organiser = factories.PartnerPageFactory(parent=partner_index, title="UN-Habitat")
    host = factories.PartnerPageFactory(parent=partner_index, title="Kuala Lumpur City Hall")
    factories.ProgramPartnerFactory(program=program, partner=organiser, sort_order=0)
    factories.ProgramPartnerFactory(
        program=program, partner=host, role=ProgramPartner.Role.CO_ORGANISER, sort_order=1
    )

    html = get_ok(client, program.url)

    assert html.count("<h1") == 1
    assert "7 February 2018</time> – <time" in html and "13 February 2018" in html
    assert "time zone: Asia/Kuala_Lumpur" in html
    assert "Kuala Lumpur Convention Centre" in html
    assert "Kuala Lumpur, Malaysia" in html
    assert 'class="badge badge--past">Past<' in html
    # A past program offers no registration.
    assert "https://example.org/register" not in html
    assert html.index("UN-Habitat") < html.index("Kuala Lumpur City Hall")
    assert "Organiser" in html and "Co-organiser" in html
    assert f'href="{program_index.url}?theme=infrastructure"' in html


def test_upcoming_one_day_program_shows_one_date_and_registration(client, program_index):
    day = timezone.localdate() + datetime.timedelta(days=30)
    program = factories.ProgramPageFactory(
        parent=program_index,
        start_date=day,
        end_date=day,
        registration_url="https://example.org/register",
    )

    html = get_ok(client, program.url)

    assert "<dt>Date</dt>" in html
    assert " – <time" not in html
    assert 'class="badge badge--upcoming">Upcoming<' in html
    assert 'href="https://example.org/register"' in html


def test_program_page_hides_unpublished_partners(client, program_index, partner_index):
    program = factories.ProgramPageFactory(parent=program_index)
    hidden = factories.PartnerPageFactory(parent=partner_index, title="Unpublished partner")
    hidden.unpublish()
    factories.ProgramPartnerFactory(program=program, partner=hidden)

    assert "Unpublished partner" not in get_ok(client, program.url)


@pytest.mark.parametrize("partners", [1, 5])
def test_program_queries_do_not_grow_with_partners(client, program_index, partner_index, partners):
    program = factories.ProgramPageFactory(
        parent=program_index, hero_image=factories.ImageFactory()
    )
    for _ in range(partners):
        partner = factories.PartnerPageFactory(parent=partner_index, logo=factories.ImageFactory())
        factories.ProgramPartnerFactory(program=program, partner=partner)
        program.themes.add(factories.ThemeFactory())
    program.save()

    # 9 (the site comes from the cache, the hero image with the page, no view restriction on its
    # path), plus the reader comments (one query; comments are closed on programs by default)
    assert count_queries(client, program.url) == 10
