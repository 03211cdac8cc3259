"""Programs as events in the API: date-range filters, calendar links and JSON-LD."""

import datetime

import pytest
from icalendar import Calendar

from tests import factories
from tests.api.conftest import get_json
from tests.api.test_openapi import validate
from tests.visitor import count_queries

pytestmark = pytest.mark.django_db

PROGRAMS = {"type": "programs.ProgramPage", "fields": "start_date,end_date"}


@pytest.fixture
def dated(program_index):
    """Programs in March 2030: 1-3, 2-2, 5-9 and a project on 4 March."""
    made = {}
    for title, start, end, kind in [
        ("Late", 5, 9, "forum"),
        ("Early", 1, 3, "workshop"),
        ("Middle", 2, 2, "training"),
        ("Project", 4, 4, "project"),
    ]:
        made[title] = factories.ProgramPageFactory(
            parent=program_index,
            title=title,
            kind=kind,
            start_date=datetime.date(2030, 3, start),
            end_date=datetime.date(2030, 3, end),
        )
    return made


def titles(client, **params):
    return [
        item["title"] for item in get_json(client, "/api/v2/pages/", **PROGRAMS, **params)["items"]
    ]


def test_programs_come_soonest_first_unless_ordered(client, dated):
    assert titles(client) == ["Early", "Middle", "Project", "Late"]
    assert titles(client, order="-start_date") == ["Late", "Project", "Middle", "Early"]


def test_date_range_filters(client, dated):
    assert titles(client, starts_after="2030-03-02") == ["Middle", "Project", "Late"]
    assert titles(client, ends_before="2030-03-03") == ["Early", "Middle"]
    assert titles(client, ongoing="2030-03-02") == ["Early", "Middle"]
    assert titles(client, starts_after="2030-03-02", ends_before="2030-03-04") == [
        "Middle",
        "Project",
    ]
    assert titles(client, is_event="true", starts_after="2030-03-04") == ["Late"]
    assert titles(client, is_event="false") == ["Project"]


@pytest.mark.parametrize(
    "params",
    [
        {"starts_after": "2030-13-01"},
        {"ends_before": "yesterday"},
        {"ongoing": "2030-02-30"},
        {"is_event": "yes"},
    ],
)
def test_bad_dates_are_a_400(client, dated, params):
    response = client.get("/api/v2/pages/", {**PROGRAMS, **params})
    assert response.status_code == 400
    assert list(params)[0] in response.json()["message"]


def test_calendar_links_lead_to_a_valid_ics(client, program, dated):
    data = get_json(client, f"/api/v2/pages/{program.pk}/")
    assert data["is_event"] is True
    assert data["event_status"] == "scheduled"
    assert data["attendance_mode"] == "in_person"
    links = data["calendar"]
    assert links["ics"] == f"http://testserver/programs/{program.pk}/calendar.ics"
    assert links["webcal"] == f"webcal://testserver/programs/{program.pk}/calendar.ics"
    cal = Calendar.from_ical(client.get(links["ics"]).content)
    assert str(cal.walk("VEVENT")[0]["summary"]) == program.title

    project = get_json(client, f"/api/v2/pages/{dated['Project'].pk}/")
    assert project["is_event"] is False and project["calendar"] is None


def test_json_ld_is_the_same_as_in_the_html(client, program, make_article, partner, home_page):
    import extruct

    for page in (program, make_article(), partner, home_page):
        data = get_json(client, f"/api/v2/pages/{page.pk}/", fields="json_ld")
        html = client.get(page.url).content.decode()
        [in_html] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
        assert data["meta"]["json_ld"] == in_html, page
    assert "json_ld" not in get_json(client, f"/api/v2/pages/{program.pk}/")["meta"]
    response = client.get("/api/v2/pages/", {"fields": "json_ld"})
    assert response.status_code == 400  # detail responses only


def test_event_responses_match_the_openapi_description(client, program, dated):
    spec = get_json(client, "/api/v2/openapi.json")
    names = {parameter["name"] for parameter in spec["paths"]["/pages/"]["get"]["parameters"]}
    assert {"starts_after", "ends_before", "ongoing", "is_event"} <= names
    program.start_time, program.end_time = datetime.time(9), datetime.time(17)
    program.save_revision().publish()
    for page in (program, dated["Project"]):
        validate(spec, "/pages/{id}/", get_json(client, f"/api/v2/pages/{page.pk}/"))
        data = get_json(client, f"/api/v2/pages/{page.pk}/", fields="*")
        validate(spec, "/pages/{id}/", data)
    validate(spec, "/pages/", get_json(client, "/api/v2/pages/", **PROGRAMS, ongoing="2030-03-02"))


@pytest.mark.parametrize("count", [1, 8])
def test_query_counts(client, program_index, program, count):
    for _ in range(count):
        factories.ProgramPageFactory(parent=program_index)
    listing = {"type": "programs.ProgramPage", "fields": "*", "starts_after": "2020-01-01"}
    assert count_queries(client, "/api/v2/pages/", listing) == 5
    # The detail's 3, plus JSON-LD's ancestors, translations and image rendition (its organisers
    # are the detail's prefetched partner links).
    assert count_queries(client, f"/api/v2/pages/{program.pk}/", {"fields": "*"}) == 9
