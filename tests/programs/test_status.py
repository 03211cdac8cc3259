import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from programs.models import ProgramPage
from tests import factories
from tests.visitor import get_ok

# Page.__init__ looks up its content type, which needs the database on a cold cache.
pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def today_in(time_zone):
    return datetime.datetime.now(zoneinfo.ZoneInfo(time_zone)).date()


def program(start, end, time_zone="Asia/Seoul"):
    return ProgramPage(
        title="Workshop", kind="workshop", start_date=start, end_date=end, time_zone=time_zone
    )


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        (DAY, 2 * DAY, ProgramPage.Status.UPCOMING),
        (-DAY, DAY, ProgramPage.Status.ONGOING),
        (0 * DAY, 0 * DAY, ProgramPage.Status.ONGOING),
        (-3 * DAY, -DAY, ProgramPage.Status.PAST),
    ],
)
def test_status_follows_the_dates(start, end, status):
    today = today_in("Asia/Seoul")

    assert program(today + start, today + end).status == status


def test_status_uses_the_events_own_time_zone():
    # Kiritimati (UTC+14) is always at least a day ahead of Pago Pago (UTC-11): on the day a
    # one-day event runs in Kiritimati, the same date is still to come in Pago Pago.
    day = today_in("Pacific/Kiritimati")

    assert program(day, day, "Pacific/Kiritimati").status == ProgramPage.Status.ONGOING
    assert program(day, day, "Pacific/Pago_Pago").status == ProgramPage.Status.UPCOMING


def test_a_program_without_end_date_lasts_one_day():
    one_day = program(datetime.date(2018, 2, 7), None)
    one_day.clean()

    assert one_day.end_date == datetime.date(2018, 2, 7)
    assert one_day.is_one_day


def test_end_date_cannot_be_before_start_date():
    with pytest.raises(ValidationError) as error:
        program(datetime.date(2018, 2, 13), datetime.date(2018, 2, 7)).clean()

    assert "end_date" in error.value.message_dict


def test_unknown_time_zone_is_rejected():
    page = program(datetime.date(2018, 2, 7), datetime.date(2018, 2, 7), "Mars/Olympus")

    with pytest.raises(ValidationError) as error:
        page.clean_fields(
            exclude=[f.name for f in ProgramPage._meta.fields if f.name != "time_zone"]
        )

    assert "time_zone" in error.value.message_dict


# Noon UTC on 1 March: already 2 March in Kiritimati (UTC+14), still 1 March in Pago Pago (UTC-11).
NOON_UTC = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)


def test_the_field_the_api_filter_and_the_index_agree_by_the_programs_own_clock(
    client, program_index
):
    def make(title, day, time_zone):
        return factories.ProgramPageFactory(
            parent=program_index, title=title, start_date=day, end_date=day, time_zone=time_zone
        )

    ongoing = make("Kiritimati forum", datetime.date(2026, 3, 2), "Pacific/Kiritimati")
    past = make("Kiritimati workshop", datetime.date(2026, 3, 1), "Pacific/Kiritimati")
    upcoming = make("Pago Pago training", datetime.date(2026, 3, 2), "Pacific/Pago_Pago")

    with time_machine.travel(NOON_UTC, tick=False):
        listed = {
            status: [
                page["title"]
                for page in client.get(
                    "/api/v2/pages/", {"type": "programs.ProgramPage", "status": status}
                ).json()["items"]
            ]
            for status in ProgramPage.Status.values
        }
        html = get_ok(client, program_index.url)
        statuses = [ongoing.status, past.status, upcoming.status]

    assert listed == {
        "upcoming": [upcoming.title],
        "ongoing": [ongoing.title],
        "past": [past.title],
    }
    assert statuses == ["ongoing", "past", "upcoming"]
    past_heading = html.index('id="past-heading"')
    assert html.index(ongoing.title) < past_heading < html.index(past.title)
