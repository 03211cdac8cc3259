"""
A program's status (upcoming, ongoing, past), by one clock: the date in the program's own time
zone. The page's `status` field, its JSON-LD, the index's upcoming and past lists and the API's
`?status=` filter all read it here, so that none of them calls a program ongoing while another
calls it past (decision 0225).
"""

import zoneinfo
from collections import defaultdict

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Ongoing")
    PAST = "past", _("Past")


def today_in(time_zone, now=None):
    return (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(time_zone)).date()


def status_on(start_date, end_date, today):
    if today < start_date:
        return Status.UPCOMING
    if today > end_date:
        return Status.PAST
    return Status.ONGOING


def status_on_query(status, today):
    """Q: the programs whose status is `status` on the date `today` (status_on in SQL)."""
    if status == Status.UPCOMING:
        return Q(start_date__gt=today)
    if status == Status.PAST:
        return Q(end_date__lt=today)
    return Q(start_date__lte=today, end_date__gte=today)


def with_status(status, now=None):
    """
    Q: the programs whose status is `status` now, each by the date in its own time zone. At any
    moment the world's time zones are on two or three dates: one condition per date, the most
    common date's written as "any other zone" to keep the query short.
    """
    now = now or timezone.now()
    zones_on = defaultdict(list)
    for zone in zoneinfo.available_timezones():
        zones_on[today_in(zone, now)].append(zone)
    *other_dates, usual_date = sorted(zones_on, key=lambda date: len(zones_on[date]))
    condition = Q()
    other_zones = []
    for date in other_dates:
        zones = sorted(zones_on[date])
        condition |= Q(time_zone__in=zones) & status_on_query(status, date)
        other_zones += zones
    return condition | (~Q(time_zone__in=other_zones) & status_on_query(status, usual_date))
