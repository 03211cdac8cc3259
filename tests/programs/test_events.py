"""Event details on the program page and their validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.programs.conftest import days
from tests.visitor import get_ok

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"start_time": datetime.time(9)}, "end_time"),
        ({"start_time": datetime.time(17), "end_time": datetime.time(9)}, "end_time"),
        ({"event_status": "rescheduled"}, "previous_start_date"),
        ({"attendance_mode": "online"}, "online_url"),
        ({"event_status": "moved_online"}, "online_url"),
    ],
)
def test_incomplete_event_details_are_form_errors(make_program, fields, error_field):
    program = make_program(start_date=days(3), end_date=days(3))
    for name, value in fields.items():
        setattr(program, name, value)
    with pytest.raises(ValidationError) as error:
        program.full_clean()
    assert error_field in error.value.message_dict


def test_a_program_page_shows_its_event_details_and_calendar_links(client, make_program):
    program = make_program(
        event_status="rescheduled",
        previous_start_date=datetime.date(2030, 1, 2),
        attendance_mode="mixed",
        online_url="https://example.org/live",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17),
    )

    html = get_ok(client, program.url)

    assert "09:30–17:00" in html
    assert "Rescheduled" in html and "2 January 2030" in html
    assert 'href="https://example.org/live"' in html
    ics = f"http://testserver/programs/{program.pk}/calendar.ics"
    assert f'href="{ics}"' in html
    assert f'href="webcal://testserver/programs/{program.pk}/calendar.ics"' in html
    assert f'<link rel="alternate" type="text/calendar" title="{program.title} (iCalendar)"' in html


def test_a_cancelled_program_offers_no_registration_nor_link_to_join(client, make_program):
    program = make_program(
        event_status="cancelled",
        registration_url="https://example.org/register",
        attendance_mode="online",
        online_url="https://example.org/live",
    )
    html = get_ok(client, program.url)
    assert "Cancelled" in html
    assert 'href="https://example.org/register"' not in html
    assert 'href="https://example.org/live"' not in html


def test_a_project_has_no_calendar_links(client, make_program):
    html = get_ok(client, make_program(kind="project").url)
    assert "calendar.ics" not in html and "Attendance" not in html


def test_the_index_offers_its_filtered_selection_as_a_feed(client, make_program, program_index):
    make_program(kind="forum")
    html = get_ok(client, program_index.url + "?kind=forum&country=XX")
    # An invalid filter is ignored on the index, and left out of the feed's address.
    assert 'href="webcal://testserver/en/programs/calendar.ics?kind=forum"' in html
