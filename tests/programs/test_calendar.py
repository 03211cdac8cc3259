"""The programs as iCalendar: every .ics is parsed back with the icalendar package."""

import datetime

import pytest
from icalendar import Calendar

from programs.calendar import FEED_PAST_DAYS
from tests import factories
from tests.programs.conftest import days, publish_translation
from tests.visitor import count_queries

pytestmark = pytest.mark.django_db


def parse(client, url, headers=None, **params):
    response = client.get(url, params, headers=headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal):
    return {str(event["summary"]): event for event in cal.walk("VEVENT")}


def test_an_all_day_program_ends_on_the_day_after_its_last_day(client, make_program):
    program = make_program(start_date=datetime.date(2030, 3, 4), end_date=datetime.date(2030, 3, 6))

    cal = parse(client, f"/programs/{program.pk}/calendar.ics")

    [event] = cal.walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(2030, 3, 4)
    assert event.decoded("dtend") == datetime.date(2030, 3, 7)  # exclusive
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["url"]) == program.get_full_url()
    assert str(event["location"]) == "Seoul City Hall, Seoul, South Korea"
    assert str(event["organizer"]) == "mailto:info@unh.example"
    assert event["organizer"].params["CN"] == "UN-Habitat"
    assert cal.walk("VTIMEZONE") == []  # dates need no time zone


def test_a_timed_program_is_in_its_own_time_zone_with_its_vtimezone(client, make_program):
    program = make_program(
        start_date=datetime.date(2030, 7, 1),
        end_date=datetime.date(2030, 7, 1),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17, 0),
        time_zone="Asia/Kuala_Lumpur",
    )

    cal = parse(client, f"/programs/{program.pk}/calendar.ics")

    [event] = cal.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Asia/Kuala_Lumpur"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.utcoffset() == datetime.timedelta(hours=8)
    assert (start.hour, start.minute, end.hour) == (9, 30, 17)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Kuala_Lumpur"]
    assert b"TZID=Asia/Kuala_Lumpur:20300701T093000" in cal.to_ical()


def test_uids_are_stable_and_the_sequence_rises_only_when_the_event_changes(client, make_program):
    program = make_program(title="Forum")
    first = parse(client, f"/programs/{program.pk}/calendar.ics").walk("VEVENT")[0]
    assert int(first["sequence"]) == 0

    program.summary = "A better summary"  # not an event change
    program.slug = "renamed-forum"
    program.save_revision().publish()
    program.end_date = program.end_date + datetime.timedelta(days=1)
    program.save_revision()  # a draft changes nothing for subscribers
    second = parse(client, f"/programs/{program.pk}/calendar.ics").walk("VEVENT")[0]
    assert int(second["sequence"]) == 0

    program.refresh_from_db()
    program.start_date = program.start_date + datetime.timedelta(days=7)
    program.end_date = program.end_date + datetime.timedelta(days=7)
    program.save_revision().publish()
    program.venue = "Another hall"
    program.save_revision().publish()
    third = parse(client, f"/programs/{program.pk}/calendar.ics").walk("VEVENT")[0]

    assert str(first["uid"]) == str(second["uid"]) == str(third["uid"])
    assert int(third["sequence"]) == 2


def test_a_cancelled_program_stays_in_the_feed_marked_cancelled(client, make_program):
    program = make_program(title="Forum")
    before = events(parse(client, "/programs/calendar.ics"))["Forum"]

    program.event_status = "cancelled"
    program.save_revision().publish()
    after = events(parse(client, "/programs/calendar.ics"))["Cancelled: Forum"]

    assert str(after["status"]) == "CANCELLED"
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) == int(before["sequence"]) + 1


def test_the_feed_keeps_recent_past_programs_and_drops_old_ones_and_non_events(
    client, make_program
):
    make_program(title="Next week", start_date=days(7))
    make_program(title="Ongoing", start_date=days(-1), end_date=days(1))
    make_program(title="Last month", start_date=days(-31), end_date=days(-30))
    make_program(
        title="Long ago", start_date=days(-FEED_PAST_DAYS - 5), end_date=days(-FEED_PAST_DAYS - 1)
    )
    make_program(title="A project", kind="project", start_date=days(3))

    cal = parse(client, "/programs/calendar.ics")

    assert list(events(cal)) == ["Last month", "Ongoing", "Next week"]
    assert str(cal["x-wr-calname"]) == str(cal["name"]) == "CityNet: Programs"
    assert cal["refresh-interval"].to_ical() == b"PT12H"
    assert b"X-PUBLISHED-TTL:PT12H" in cal.to_ical()


def test_a_project_has_no_ics(client, make_program):
    project = make_program(kind="initiative")
    assert client.get(f"/programs/{project.pk}/calendar.ics").status_code == 404


def test_the_feed_filters_like_the_index(client, make_program):
    climate = make_program(title="Climate", kind="forum", country="JP")
    make_program(title="Water", kind="workshop", country="KR")
    climate.themes.add(factories.ThemeFactory(name="Climate", slug="climate"))
    climate.save()

    assert list(events(parse(client, "/programs/calendar.ics", kind="forum"))) == ["Climate"]
    assert list(events(parse(client, "/programs/calendar.ics", country="kr"))) == ["Water"]
    assert list(events(parse(client, "/programs/calendar.ics", theme="climate"))) == ["Climate"]
    for params in ({"kind": "party"}, {"country": "Korea"}, {"year": "20x0"}, {"colour": "red"}):
        response = client.get("/programs/calendar.ics", params)
        assert response.status_code == 400, params


def test_each_language_has_its_feed_with_translated_events(
    client, make_program, korean_program_index
):
    program = make_program(title="Water forum")
    korean = publish_translation(program, "ko", title="물 포럼")

    english = events(parse(client, "/en/programs/calendar.ics"))
    default = events(parse(client, "/programs/calendar.ics", {"Accept-Language": "ko"}))
    in_korean = events(parse(client, "/ko/programs/calendar.ics"))

    assert list(english) == list(default) == ["Water forum"]
    assert list(in_korean) == ["물 포럼"]
    assert str(in_korean["물 포럼"]["url"]) == korean.get_full_url()
    assert str(in_korean["물 포럼"]["uid"]) != str(english["Water forum"]["uid"])
    # No Vietnamese index: the Vietnamese feed follows its chain to the English events.
    assert list(events(parse(client, "/vi/programs/calendar.ics"))) == ["Water forum"]


def test_feeds_carry_etags_and_answer_304(client, make_program):
    make_program()
    response = client.get("/programs/calendar.ics")
    assert response["ETag"] and "public" in response["Cache-Control"]

    again = client.get("/programs/calendar.ics", HTTP_IF_NONE_MATCH=response["ETag"])

    assert again.status_code == 304


@pytest.mark.parametrize("count", [1, 6])
def test_feed_queries_do_not_grow_with_programs(client, make_program, count):
    for _ in range(count):
        make_program()
    # The index is found in one query along the language's chain.
    assert count_queries(client, "/programs/calendar.ics") == 5
    program = make_program()
    assert count_queries(client, f"/programs/{program.pk}/calendar.ics") == 2


def test_publishing_a_program_reaches_the_cached_feed(client, make_program):
    """The feed is cached until a program changes, then shows the change on the next request."""
    first = make_program()
    assert first.title in client.get("/programs/calendar.ics").content.decode()
    second = make_program()

    assert second.title in client.get("/programs/calendar.ics").content.decode()


def test_a_title_with_a_newline_is_escaped_in_both_calendars(client, make_program):
    """Titles can carry newlines (API v3 writes them): each .ics stays valid, never a 500."""
    program = make_program(title="Resilience\nworkshop")

    for url in (f"/programs/{program.pk}/calendar.ics", "/programs/calendar.ics"):
        assert str(events(parse(client, url))["Resilience\nworkshop"]["summary"])
    own = parse(client, f"/programs/{program.pk}/calendar.ics")
    assert str(own["x-wr-calname"]) == "Resilience workshop"
