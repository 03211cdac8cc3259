"""How programs appear in the content API (filters and field representations)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from rest_framework.fields import Field

from citynet.api.fields import HeroImageCaptionField, HeroImageField, StreamImagesField, ThemesField
from citynet.api.filters import (
    Filter,
    choice_filter,
    country_filter,
    date_filter,
    parse_choice,
    parse_date,
)
from citynet.api.registry import PageTypeAPI, register
from programs.calendar import subscribe_links
from programs.models import ProgramIndexPage, ProgramPage


def filter_by_status(queryset, status):
    # By the server's date: a program's own time zone can put it a day either side.
    today = timezone.localdate()
    if status == ProgramPage.Status.UPCOMING:
        return queryset.filter(start_date__gt=today)
    if status == ProgramPage.Status.PAST:
        return queryset.filter(end_date__lt=today)
    return queryset.filter(start_date__lte=today, end_date__gte=today)


def filter_ongoing_on(queryset, day):
    return queryset.filter(start_date__lte=day, end_date__gte=day)


def filter_events(queryset, is_event):
    events = ~Q(kind__in=["project", "initiative"])
    return queryset.filter(events if is_event else ~events)


def parse_boolean(value):
    if value not in ("true", "false"):
        raise ValueError("must be true or false")
    return value == "true"


class CalendarLinksField(Field):
    """The program's .ics, as an https address (download) and a webcal one (subscribe)."""

    schema = {
        "anyOf": [
            {
                "type": "object",
                "required": ["ics", "webcal"],
                "properties": {
                    "ics": {"type": "string", "format": "uri"},
                    "webcal": {"type": "string", "format": "uri"},
                },
            },
            {"type": "null"},
        ],
        "description": "Add-to-calendar links; null for projects and initiatives",
    }

    def get_attribute(self, instance):
        return instance

    def to_representation(self, program):
        if not program.is_event:
            return None
        path = reverse("program_calendar", args=[program.pk])
        request = self.context.get("request")
        if request is None:  # API v3 gives its serializers no request: the program's site's
            parts = program.get_url_parts()
            return subscribe_links(parts[1] + path) if parts else None
        return subscribe_links(request.build_absolute_uri(path))


register(
    PageTypeAPI(
        model=ProgramPage,
        filters={
            "status": Filter(
                filter_by_status,
                parse_choice(ProgramPage.Status.values),
                "upcoming, ongoing or past",
                {"type": "string", "enum": list(ProgramPage.Status.values)},
            ),
            "theme": Filter("themes__slug", description="Theme slug"),
            "date_from": date_filter("end_date__gte", "Ends on or after (YYYY-MM-DD)"),
            "date_to": date_filter("start_date__lte", "Starts on or before (YYYY-MM-DD)"),
            "country": country_filter(),
            "kind": choice_filter("kind", ProgramPage.Kind.values, "Kind of program"),
            # As The Events Calendar's REST API is used: starts after, ends before, on a day.
            "starts_after": date_filter("start_date__gte", "Starts on or after (YYYY-MM-DD)"),
            "ends_before": date_filter("end_date__lte", "Ends on or before (YYYY-MM-DD)"),
            "ongoing": Filter(
                filter_ongoing_on,
                parse_date,
                "Takes place on this day (YYYY-MM-DD)",
                {"type": "string", "format": "date"},
            ),
            "is_event": Filter(
                filter_events,
                parse_boolean,
                "true: events only; false: projects and initiatives only",
                {"type": "string", "enum": ["true", "false"]},
            ),
        },
        # Without ?order=, programs come soonest first.
        default_order=("start_date", "pk"),
        serializers={
            "hero_image": HeroImageField(read_only=True),
            "hero_image_caption": HeroImageCaptionField(read_only=True),
            "body": StreamImagesField(read_only=True),
            "themes": ThemesField(read_only=True),
            "calendar": CalendarLinksField(read_only=True),
        },
        schemas={
            "status": {"enum": list(ProgramPage.Status.values)},
            "is_event": {"type": "boolean"},
        },
    )
)
register(PageTypeAPI(model=ProgramIndexPage))
