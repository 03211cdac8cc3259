import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from programs.models import ProgramPage

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
