"""How programs appear in the content API (filters and field representations)."""

from django.utils import timezone

from citynet.api.fields import SelectedImageField, StreamImagesField, ThemesField
from citynet.api.filters import (
    Filter,
    choice_filter,
    country_filter,
    date_filter,
    parse_choice,
)
from citynet.api.registry import PageTypeAPI, register
from programs.models import ProgramIndexPage, ProgramPage


def filter_by_status(queryset, status):
    # By the server's date: a program's own time zone can put it a day either side.
    today = timezone.localdate()
    if status == ProgramPage.Status.UPCOMING:
        return queryset.filter(start_date__gt=today)
    if status == ProgramPage.Status.PAST:
        return queryset.filter(end_date__lt=today)
    return queryset.filter(start_date__lte=today, end_date__gte=today)


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
        },
        serializers={
            "hero_image": SelectedImageField(read_only=True),
            "body": StreamImagesField(read_only=True),
            "themes": ThemesField(read_only=True),
        },
        schemas={"status": {"enum": list(ProgramPage.Status.values)}},
    )
)
register(PageTypeAPI(model=ProgramIndexPage))
