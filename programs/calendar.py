"""
Programs as iCalendar (RFC 5545): one VEVENT per event program, for the subscribable feed and
for each program's own .ics. What a subscriber sees over time: docs/decisions/0111.
"""

import datetime
import uuid

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event, vCalAddress, vDuration, vText

from citynet.i18n.countries import country_name

from .events import EventStatus

# Past programs stay in the feed this long, so that subscribers' calendars keep them.
FEED_PAST_DAYS = 90
# How often calendar apps should fetch the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = datetime.timedelta(hours=12)

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
# Many calendar apps ignore STATUS in subscribed calendars: the title says it too.
TITLE_PREFIX = {
    EventStatus.CANCELLED: gettext_lazy("Cancelled: %(title)s"),
    EventStatus.POSTPONED: gettext_lazy("Postponed: %(title)s"),
}


def event_uid(program):
    """Stable across edits, moves and slug changes; one per language version of a program."""
    return str(uuid.uuid5(program.translation_key, program.locale.language_code))


def feed_programs(programs, today=None):
    """Event programs that have not ended, or ended at most FEED_PAST_DAYS ago."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=FEED_PAST_DAYS)
    return programs.exclude(kind__in=["project", "initiative"]).filter(end_date__gte=since)


def location(program):
    place = ", ".join(
        part for part in (program.venue, program.city, country_name(program.country)) if part
    )
    if program.has_venue and place:
        return place
    return program.online_url or place


def description(program, url):
    lines = [program.summary]
    if program.event_status == EventStatus.RESCHEDULED and program.previous_start_date:
        date = date_format(program.previous_start_date)
        lines.append(_("Rescheduled: it was to start on %(date)s.") % {"date": date})
    if program.is_online and program.online_url and not program.is_cancelled:
        lines.append(_("Join online: %(url)s") % {"url": program.online_url})
    if program.registration_url and not program.is_cancelled:
        lines.append(_("Register: %(url)s") % {"url": program.registration_url})
    lines.append(url)
    return "\n\n".join(lines)


def organizer(partner, url):
    """The first organising partner: its contact address, else its page (a URI either way)."""
    address = vCalAddress(f"mailto:{partner.contact_email}" if partner.contact_email else url)
    address.params["cn"] = vText(partner.title)
    return address


def program_event(program, url, organisers, stamp):
    """The VEVENT of an event program; `organisers` are its live partners, organiser first."""
    event = Event()
    event.add("uid", event_uid(program))
    event.add("dtstamp", stamp)
    event.add("sequence", program.event_sequence)
    if program.last_published_at:
        event.add("last-modified", program.last_published_at)
    title = TITLE_PREFIX.get(program.event_status, "%(title)s")
    event.add("summary", str(title) % {"title": program.title})
    if program.is_all_day:
        event.add("dtstart", program.start_date)
        # DTEND of an all-day event is exclusive: the day after the last day.
        event.add("dtend", program.end_date + datetime.timedelta(days=1))
    else:
        event.add("dtstart", program.event_start())
        event.add("dtend", program.event_end())
    event.add("status", ICAL_STATUS[program.event_status])
    event.add("description", description(program, url))
    event.add("url", url)
    if where := location(program):
        event.add("location", where)
    event.add("categories", [str(program.get_kind_display())])
    if organisers:
        partner, partner_url = organisers[0]
        event.add("organizer", organizer(partner, partner_url))
    if program.is_online and program.online_url:
        event.add("conference", program.online_url, parameters={"value": "URI"})
    return event


def calendar(name, events):
    """A VCALENDAR with `events` and the VTIMEZONEs their times refer to."""
    # A calendar's name is one line: icalendar would refuse a title's newline there (a 500).
    name = " ".join(name.split())
    cal = Calendar()
    cal.add("prodid", "-//CityNet CMS//Programs//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"value": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def webcal(url):
    """The same address for calendar apps: webcal:// asks them to subscribe."""
    return "webcal://" + url.split("://", 1)[1]


def subscribe_links(url):
    return {"ics": url, "webcal": webcal(url)}
