"""Demo programs: past, ongoing and upcoming, so that every status shows."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from citynet.taxonomy.models import Theme
from partners.models import PartnerPage
from programs.events import AttendanceMode, EventStatus
from programs.factories import ProgramPageFactory
from programs.models import ProgramPage, ProgramPartner

from .images import skyline_photo
from .pages import demo_pages_by_slug, publish_child


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


# Some programs are dated relative to today, so that every status shows.
PROGRAMS = [
    {
        "slug": "citynet-congress-2017-colombo",
        "title": "CityNet Congress 2017, Colombo",
        "kind": ProgramPage.Kind.CONGRESS,
        "start_date": datetime.date(2017, 11, 5),
        "end_date": datetime.date(2017, 11, 8),
        "time_zone": "Asia/Colombo",
        "city": "Colombo",
        "country": "LK",
        "summary": "The network's congress and 30th anniversary, hosted by Colombo: four days "
        "of sessions for more than 300 participants from member cities and partners.",
        "partners": [("colombo-municipal-council", ProgramPartner.Role.ORGANISER)],
        "themes": ["sdg-11", "sdg-17"],
        "image": "Colombo congress",
    },
    {
        "slug": "ninth-world-urban-forum",
        "title": "Ninth World Urban Forum (WUF9)",
        "kind": ProgramPage.Kind.FORUM,
        "start_date": datetime.date(2018, 2, 7),
        "end_date": datetime.date(2018, 2, 13),
        "time_zone": "Asia/Kuala_Lumpur",
        "city": "Kuala Lumpur",
        "country": "MY",
        "venue": "Kuala Lumpur Convention Centre",
        "summary": "CityNet members took part in the forum on implementing the New Urban "
        "Agenda, with a networking event for Asia-Pacific cities.",
        "partners": [
            ("un-habitat", ProgramPartner.Role.ORGANISER),
            ("kuala-lumpur-city-hall", ProgramPartner.Role.CO_ORGANISER),
        ],
        "themes": ["sdg-11", "infrastructure"],
        "image": "Kuala Lumpur forum",
    },
    {
        "slug": "water-management-workshop",
        "title": "Workshop on urban water management",
        "kind": ProgramPage.Kind.WORKSHOP,
        "start_date": days_from_today(-60),
        "end_date": days_from_today(-58),
        "time_zone": "Asia/Seoul",
        "city": "Seoul",
        "country": "KR",
        "venue": "Seoul Waterworks Training Centre",
        "summary": "Engineers from eight member cities studied leak detection, water quality "
        "monitoring and customer billing with Seoul's water utility.",
        "partners": [
            ("seoul-waterworks-authority", ProgramPartner.Role.ORGANISER),
            ("seoul-metropolitan-government", ProgramPartner.Role.CO_ORGANISER),
        ],
        "themes": ["sdg-6", "water"],
        "image": "Water workshop",
    },
    {
        "slug": "climate-change-workshop",
        "title": "Climate change adaptation workshop",
        "kind": ProgramPage.Kind.WORKSHOP,
        "start_date": days_from_today(-1),
        "end_date": days_from_today(1),
        "time_zone": "Asia/Jakarta",
        "city": "Jakarta",
        "country": "ID",
        "summary": "City planners compare heat action plans, flood maps and ways to pay for "
        "adaptation, and draft a plan for their own city.",
        "partners": [("citynet-indonesia", ProgramPartner.Role.ORGANISER)],
        "themes": ["sdg-13", "climate-change", "disaster-risk-reduction"],
        "image": "Climate workshop",
    },
    {
        "slug": "financing-urban-energy-and-lighting",
        "title": "Financing urban energy infrastructure and urban lighting",
        "kind": ProgramPage.Kind.WORKSHOP,
        "start_date": days_from_today(20),
        "end_date": days_from_today(22),
        "time_zone": "Asia/Tokyo",
        "city": "Yokohama",
        "country": "JP",
        "summary": "How cities pay for efficient street lighting and local energy projects: "
        "energy service contracts, green bonds and national funds.",
        "registration_url": "https://example.org/register/urban-energy",
        # Online, at set times in Tokyo's time zone.
        "attendance_mode": AttendanceMode.ONLINE,
        "online_url": "https://example.org/live/urban-energy",
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(17, 0),
        "partners": [("city-of-yokohama", ProgramPartner.Role.ORGANISER)],
        "themes": ["sdg-7", "urban-energy"],
        "image": "Street lighting",
    },
    {
        "slug": "mayors-forum",
        "title": "Asia-Pacific Mayors Forum on resilient cities",
        "kind": ProgramPage.Kind.FORUM,
        "start_date": days_from_today(45),
        "end_date": days_from_today(46),
        "time_zone": "Asia/Seoul",
        "city": "Seoul",
        "country": "KR",
        "venue": "Seoul City Hall",
        "summary": "Mayors and governors discuss how cities prepare for disasters and recover "
        "from them, and what they need from national governments.",
        "registration_url": "https://example.org/register/mayors-forum",
        # Moved by a week: the calendar feed raises its SEQUENCE, JSON-LD says rescheduled.
        "event_status": EventStatus.RESCHEDULED,
        "previous_start_date": days_from_today(38),
        "attendance_mode": AttendanceMode.MIXED,
        "online_url": "https://example.org/live/mayors-forum",
        "partners": [("seoul-metropolitan-government", ProgramPartner.Role.ORGANISER)],
        "themes": ["sdg-11", "disaster-risk-reduction"],
        "image": "Mayors forum",
    },
    {
        "slug": "disaster-risk-training",
        "title": "One-day training: community early warning",
        "kind": ProgramPage.Kind.TRAINING,
        "start_date": days_from_today(90),
        "end_date": days_from_today(90),
        "time_zone": "Asia/Jakarta",
        "city": "Surabaya",
        "country": "ID",
        "summary": "A one-day course for ward officers on warning residents before floods.",
        # The mayors forum's photo: this page says what it stands for here.
        "hero_caption": "Surabaya's wards, where residents are warned before floods",
        "event_status": EventStatus.CANCELLED,
        "partners": [("citynet-indonesia", ProgramPartner.Role.ORGANISER)],
        "themes": ["disaster-risk-reduction"],
        "image": "Mayors forum",
    },
]


def load_programs(index, partner_index, log):
    partners = demo_pages_by_slug(
        PartnerPage.objects.child_of(partner_index),
        {slug for details in PROGRAMS for slug, _role in details["partners"]},
    )
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=Locale.get_default())}
    for details in PROGRAMS:
        details = dict(details)
        links = details.pop("partners")
        theme_slugs = details.pop("themes")
        hero_image = skyline_photo(details.pop("image"), log)
        publish_child(
            index,
            ProgramPageFactory,
            log,
            hero_image=hero_image,
            partner_links=[
                ProgramPartner(partner=partners[slug], role=role) for slug, role in links
            ],
            themes=[themes[slug] for slug in theme_slugs],
            # Not every demo program has a venue: none rather than the factory's.
            **{"venue": "", **details},
        )
