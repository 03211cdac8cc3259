"""What goes live and what expires when: the data behind the calendar view and its iCal feed."""

import datetime
from dataclasses import dataclass
from functools import reduce
from itertools import groupby
from operator import or_

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision, WorkflowState

from .roles import SECTIONS

DAYS_BEFORE = 7
DAYS_AFTER = 30


@dataclass
class Event:
    when: datetime.datetime
    kind: str  # "go-live" or "expiry"
    page: Page
    state: str

    @property
    def done(self):
        return self.when <= timezone.now()

    @property
    def label(self):
        if self.kind == "go-live":
            return _("Went live") if self.done else _("Goes live")
        return _("Expired") if self.done else _("Expires")


def default_window(today=None):
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=DAYS_BEFORE)
    end = today + datetime.timedelta(days=DAYS_AFTER + 1)
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time(), tz),
        datetime.datetime.combine(end, datetime.time(), tz),
    )


def section_pages():
    labels = [label.split(".") for label in SECTIONS]
    query = reduce(or_, (Q(content_type__app_label=a, content_type__model=m) for a, m in labels))
    return Page.objects.filter(query).select_related("locale").order_by("path")


def calendar_events(start, end, section=None, locale=None):
    """Go-lives and expiries between `start` and `end`, oldest first, in five queries."""
    # A scheduled revision brings its own expiry, which the page gets only when it goes live.
    scheduled = {
        page_id: (go_live, parse_datetime(expire_at) if expire_at else None)
        for page_id, go_live, expire_at in Revision.page_revisions.filter(
            approved_go_live_at__range=(start, end)
        ).values_list("object_id", "approved_go_live_at", "content__expire_at")
    }
    pages = Page.objects.filter(
        Q(pk__in=[int(pk) for pk in scheduled])
        | Q(live=True, go_live_at__range=(start, end))
        | Q(expire_at__range=(start, end))
    ).select_related("owner", "locale")
    if section is not None:
        pages = pages.descendant_of(section)
    if locale is not None:
        pages = pages.filter(locale=locale)
    pages = list(pages)

    in_moderation = dict(
        WorkflowState.objects.active()
        .filter(object_id__in=[str(page.pk) for page in pages], base_content_type__model="page")
        .values_list("object_id", "current_task_state__task__name")
    )

    events = []
    for page in pages:
        scheduled_go_live, scheduled_expiry = scheduled.get(str(page.pk), (None, None))
        go_live = scheduled_go_live or (page.go_live_at if page.live else None)
        if str(page.pk) in scheduled:
            state = _("Scheduled")
        elif task := in_moderation.get(str(page.pk)):
            state = _("In moderation: %(task)s") % {"task": task}
        else:
            state = _("Expired") if page.expired else (_("Live") if page.live else _("Draft"))
        if go_live and start <= go_live < end:
            events.append(Event(go_live, "go-live", page, state))
        for expiry in {page.expire_at, scheduled_expiry} - {None}:
            if start <= expiry < end:
                events.append(Event(expiry, "expiry", page, state))
    return sorted(events, key=lambda event: (event.when, event.page.pk))


def by_day(events):
    """[(date, [events])] in the current time zone."""
    return [
        (day, list(day_events))
        for day, day_events in groupby(events, key=lambda event: timezone.localdate(event.when))
    ]
