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
from citynet.api.registry import PageTypeAPI, register

register(
    PageTypeAPI(
        model=ArticlePage,
        filters=ArticlePage.listing_filters,
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
