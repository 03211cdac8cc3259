"""How articles appear in the content API (filters and field representations)."""

from blog.models import ArticlePage, BlogIndexPage
from citynet.api.fields import (
    HeroImageCaptionField,
    HeroImageField,
    PeopleField,
    StreamImagesField,
    TagsField,
    ThemesField,
)
from citynet.api.filters import Filter, date_filter, parse_positive_int
from citynet.api.registry import PageTypeAPI, register

register(
    PageTypeAPI(
        model=ArticlePage,
        filters={
            "tag": Filter("tags__slug", description="Tag slug"),
            "theme": Filter("themes__slug", description="Theme slug"),
            "author": Filter(
                "authors__person_id",
                parse_positive_int,
                "Person id (see /api/v2/people/)",
                {"type": "integer"},
            ),
            "date_from": date_filter("date_published__gte", "Published on or after (YYYY-MM-DD)"),
            "date_to": date_filter("date_published__lte", "Published on or before (YYYY-MM-DD)"),
        },
        serializers={
            "hero_image": HeroImageField(read_only=True),
            "hero_image_caption": HeroImageCaptionField(read_only=True),
            "body": StreamImagesField(read_only=True),
            "authors": PeopleField(read_only=True),
            "themes": ThemesField(read_only=True),
            "tags": TagsField(),
        },
        schemas={"reading_time": {"type": "integer", "description": "Minutes"}},
    )
)
register(PageTypeAPI(model=BlogIndexPage))
