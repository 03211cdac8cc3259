"""How programs appear in the content API (filters and field representations)."""

from django.urls import reverse
from rest_framework.fields import Field

from citynet.api.fields import HeroImageCaptionField, HeroImageField, StreamImagesField, ThemesField
from citynet.api.registry import PageTypeAPI, register
from programs.calendar import subscribe_links
from programs.models import ProgramIndexPage, ProgramPage


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
        filters=ProgramPage.listing_filters,
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
