"""An event program as a schema.org Event (what search engines show in event results)."""

from citynet.core.structured_data import SCHEMA, image_object, page_url
from citynet.i18n.pages import bcp47
from partners.structured_data import partner_reference

from .events import AttendanceMode, EventStatus

EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}


def iso(value):
    """A date for an all-day program; a time with its UTC offset otherwise."""
    return value.isoformat()


def place(program):
    address = {"@type": "PostalAddress"}
    if program.venue:
        address["streetAddress"] = program.venue
    if program.city:
        address["addressLocality"] = program.city
    if program.country:
        address["addressCountry"] = program.country.code
    return {
        "@type": "Place",
        "name": program.venue or program.city or program.country.name,
        "address": address,
    }


def locations(program):
    found = []
    if program.has_venue and (program.venue or program.city or program.country):
        found.append(place(program))
    if program.is_online and program.online_url:
        found.append({"@type": "VirtualLocation", "url": program.online_url})
    return found[0] if len(found) == 1 else found


def program_event(program, request, organisers, image_rendition=None):
    """The Event of an event program; `organisers` are its live partner pages."""
    url = page_url(program, request)
    mode = AttendanceMode.ONLINE if program.event_status == "moved_online" else None
    event = {
        "@type": "Event",
        "@id": url + "#event",
        "name": program.title,
        "description": program.summary,
        "url": url,
        "inLanguage": bcp47(program.locale.language_code),
        "startDate": iso(program.event_start()),
        "endDate": iso(program.event_end()),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[program.event_status]}",
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE_MODE[mode or program.attendance_mode]}",
        "location": locations(program),
    }
    if program.event_status == EventStatus.RESCHEDULED and program.previous_start_date:
        event["previousStartDate"] = program.previous_start_date.isoformat()
    if organisers:
        event["organizer"] = [partner_reference(partner, request) for partner in organisers]
    if program.hero_image:
        event["image"] = [
            image_object(program.hero_image, request, image_rendition, program.hero_image_caption)
        ]
    # As on the page: registration is offered until the program is over or cancelled.
    if program.registration_url and program.status != "past" and not program.is_cancelled:
        event["offers"] = {
            "@type": "Offer",
            "url": program.registration_url,
            "availability": f"{SCHEMA}/InStock",
        }
    return event
