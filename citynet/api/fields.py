"""
v2 serializer fields shared by the plugins. Besides its representation, a field may declare
`optimise(queryset)` (what to load along with the pages) and `images(page)` (the images whose
renditions it shows): the pages viewset uses both to keep a constant number of queries.
"""

from django.db.models import Prefetch
from rest_framework.fields import Field

from citynet.core.related import (
    page_public_links,
    public_links,
    public_links_to_translations,
    resolve_links,
)
from citynet.images.api import ImageField, image_representation
from citynet.people.models import public_people


class SelectedImageField(ImageField):
    """An image foreign key on the page (hero image, logo), loaded with the page."""

    def optimise(self, queryset):
        return queryset.select_related(self.source)

    def images(self, page):
        return [getattr(page, self.source)]


class HeroImageField(SelectedImageField):
    """The page's hero image, captioned as the page shows it (its own caption, else the image's)."""

    def get_attribute(self, page):
        return page  # the caption is the page's, not the image's: represent from the page

    def to_representation(self, page):
        image = page.hero_image
        if image is None:
            return None
        return {**image_representation(image), "caption": page.hero_image_caption}


class HeroImageCaptionField(Field):
    """A page's `hero_image_caption` (see HeroCaptionMixin), its image loaded with the page."""

    schema = {
        "type": "string",
        "description": "The caption shown with the hero image, in the page's language: "
        "the page's own, else the image's",
    }

    def optimise(self, queryset):
        return queryset.select_related("hero_image")

    def to_representation(self, caption):
        return caption


class StreamImagesField(Field):
    """A StreamField whose blocks represent their own images (see citynet/core/blocks.py)."""

    schema = {"type": "array", "items": {"$ref": "#/components/schemas/Block"}}

    def to_representation(self, value):
        return value.stream_block.get_api_representation(value, self.context)

    def images(self, page):
        stream_value = getattr(page, self.source)
        return stream_value.stream_block.get_images(stream_value)


class TagsField(Field):
    """
    Tag names, from the prefetched tagged items (Wagtail's own field runs a query per page).
    `items` is the page's relation to its tagged items.
    """

    schema = {"type": "array", "items": {"type": "string"}}

    def __init__(self, items="tagged_items", **kwargs):
        self.items = items
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.items).all()

    def optimise(self, queryset):
        item_model = queryset.model._meta.get_field(self.items).related_model
        items = item_model.objects.select_related("tag")
        return queryset.prefetch_related(Prefetch(self.items, queryset=items))

    def to_representation(self, items):
        return sorted(item.tag.name for item in items)


class ThemesField(Field):
    schema = {"type": "array", "items": {"$ref": "#/components/schemas/Theme"}}

    def optimise(self, queryset):
        return queryset.prefetch_related(self.source)

    def to_representation(self, value):
        return [
            {
                "id": theme.pk,
                "name": theme.name,
                "slug": theme.slug,
                "kind": theme.kind,
                "sdg_number": theme.sdg_number,
            }
            for theme in value.all()
        ]


def person_representation(person):
    return {
        "id": person.pk,
        "name": person.name,
        "role": person.role,
        "organisation": person.organisation,
        "bio": person.bio,
        "photo": image_representation(person.photo) if person.photo else None,
    }


class PeopleField(Field):
    """Orderable links to people (an article's authors), as the live people themselves."""

    schema = {"type": "array", "items": {"$ref": "#/components/schemas/Person"}}

    def optimise(self, queryset):
        link_model = queryset.model._meta.get_field(self.source).related_model
        links = link_model.objects.select_related("person__photo").order_by("sort_order")
        return queryset.prefetch_related(Prefetch(self.source, queryset=links))

    def to_representation(self, value):
        people = public_people(link.person for link in value.all())
        return [person_representation(person) for person in people]

    def images(self, page):
        people = public_people(link.person for link in getattr(page, self.source).all())
        return [person.photo for person in people]


def plain(value):
    """Values JSON cannot take as they are: countries become their codes."""
    return getattr(value, "code", value)


def page_summary(page, request, extra_fields=()):
    model = page.specific_class or type(page)
    summary = {
        "id": page.pk,
        "type": f"{model._meta.app_label}.{model.__name__}",
        "title": page.title,
        "slug": page.slug,
        "locale": page.locale.language_code,
        "html_url": page.get_full_url(request),
    }
    for name in extra_fields:
        summary[name] = plain(getattr(page, name))
    return summary


class LinkedPagesField(Field):
    """
    Pages reached through link models (an article's partners, a program's partners, a
    partner's programs), inline with a few of their fields: the related pages as the page's
    HTML shows them, resolved by citynet/core/related.py for the reader's language
    (`follow_language`) and serialised here.

    `of_every_translation`: the links point at the page from other pages (programs and articles
    name a partner), and each translation of those may name the partner in another language;
    the links to every translation of the page are gathered, in the linking pages' `order_by`.
    """

    schema = {"type": "array", "items": {"$ref": "#/components/schemas/PageSummary"}}

    def __init__(
        self,
        page_attr,
        page_fields=(),
        link_fields=(),
        image=None,
        of_every_translation=False,
        order_by=(),
        **kwargs,
    ):
        self.page_attr = page_attr
        self.page_fields = page_fields
        self.link_fields = link_fields
        self.image = image
        self.of_every_translation = of_every_translation
        self.order_by = order_by
        super().__init__(read_only=True, **kwargs)

    @property
    def select(self):
        """What the summaries show of the linked pages beyond their own fields."""
        return (self.image,) if self.image else ()

    @property
    def fields(self):
        """The linked pages' fields the summaries show beyond page_summary()'s."""
        return self.page_fields

    @property
    def resolved_attr(self):
        return f"_{self.field_name}_related_pages"

    def optimise(self, queryset):
        if self.of_every_translation:
            return queryset  # gathered with the pages' translations in follow_language
        link_model = queryset.model._meta.get_field(self.source).related_model
        links = public_links(link_model.objects.all(), self.page_attr, self.select, self.fields)
        return queryset.prefetch_related(Prefetch(self.source, queryset=links))

    def public_links(self, pages):
        """Each of `pages`' public links: prefetched by optimise(), else loaded here."""
        if self.of_every_translation:
            by_key = public_links_to_translations(
                pages, self.source, self.page_attr, self.order_by, self.select
            )
            return [by_key[page.translation_key] for page in pages]
        return [
            page_public_links(page, self.source, self.page_attr, self.select, self.fields)
            for page in pages
        ]

    def follow_language(self, pages, language_code=None):
        """
        Resolve the related pages of each of `pages` for a reader of `language_code` (each
        page's own language by default): one query per language, and none when every linked
        page is in it already.
        """
        if not pages:
            return
        languages = [language_code or page.locale.language_code for page in pages]
        resolved = resolve_links(
            list(zip(self.public_links(pages), languages, strict=True)),
            self.page_attr,
            self.select,
        )
        for page, related in zip(pages, resolved, strict=True):
            setattr(page, self.resolved_attr, related)

    def get_attribute(self, instance):
        if not hasattr(instance, self.resolved_attr):  # API v3 serialises without the viewset
            self.follow_language([instance])
        return getattr(instance, self.resolved_attr)

    def to_representation(self, related):
        request = self.context.get("request")
        items = []
        for link, page in related:
            item = page_summary(page, request, self.page_fields)
            for name in self.link_fields:
                item[name] = getattr(link, name)
            if self.image:
                image = getattr(page, self.image)
                item[self.image] = image_representation(image) if image else None
            items.append(item)
        return items

    def images(self, page):
        if not self.image:
            return []
        return [getattr(linked, self.image) for _link, linked in self.get_attribute(page)]
