"""
v2 serializer fields shared by the plugins. Besides its representation, a field may declare
`optimise(queryset)` (what to load along with the pages) and `images(page)` (the images whose
renditions it shows): the pages viewset uses both to keep a constant number of queries.
"""

from django.db.models import F, Prefetch
from rest_framework.fields import Field
from wagtail.models import Page

from citynet.i18n.links import nearest_public_translations
from citynet.images.api import (
    ImageField,
    image_representation,
    preload_stream_images,
)
from citynet.people.models import public_people
from citynet.visibility import publicly_visible


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
        with preload_stream_images([stream_value]):
            # Converts the blocks, with the preloaded images; each block says which it shows.
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
    partner's programs), inline with a few of their fields. Pages the public may not see are
    left out: the links are prefetched with that filter. Each linked page is its public
    translation nearest the reader's language (`follow_language`), as in the HTML (0137).

    `of_every_translation`: the links point at the page from other pages (programs and articles
    name a partner), and each translation of those may name the partner in another language;
    the links to every translation of the page are gathered, as its HTML does.
    """

    schema = {"type": "array", "items": {"$ref": "#/components/schemas/PageSummary"}}

    def __init__(
        self,
        page_attr,
        page_fields=(),
        link_fields=(),
        image=None,
        of_every_translation=False,
        **kwargs,
    ):
        self.page_attr = page_attr
        self.page_fields = page_fields
        self.link_fields = link_fields
        self.image = image
        self.of_every_translation = of_every_translation
        super().__init__(read_only=True, **kwargs)

    def links(self, page):
        """The page's links: prefetched, or gathered from its translations."""
        if not self.of_every_translation:
            return getattr(page, self.source).all()
        if not hasattr(page, self.gathered_attr):
            self.gather_from_translations([page])
        return getattr(page, self.gathered_attr)

    @property
    def gathered_attr(self):
        return f"_{self.source}_of_every_translation"

    def gather_from_translations(self, pages):
        """Set the public links to any translation of each of `pages` on it, in one query."""
        relation = type(pages[0])._meta.get_field(self.source)
        target = relation.field.name  # the link's foreign key to pages like these
        links = self.public_links(relation.related_model).filter(
            **{f"{target}__translation_key__in": {page.translation_key for page in pages}}
        )
        by_key = {}
        for link in links.annotate(target_key=F(f"{target}__translation_key")):
            by_key.setdefault(link.target_key, []).append(link)
        for page in pages:
            setattr(page, self.gathered_attr, by_key.get(page.translation_key, []))

    def public_links(self, link_model):
        """The links of `link_model` to public pages, with what their summaries show."""
        related = [self.page_attr, f"{self.page_attr}__locale"] + (
            [f"{self.page_attr}__{self.image}"] if self.image else []
        )
        links = link_model.objects.filter(
            **{f"{self.page_attr}__in": publicly_visible(Page.objects).values("pk")}
        ).select_related(*related)
        if hasattr(link_model, "sort_order"):
            links = links.order_by("sort_order", "pk")
        return links

    def get_attribute(self, instance):
        if self.of_every_translation:
            return self.links(instance)  # public pages only
        links = getattr(instance, self.source).all()
        if self.source in getattr(instance, "_prefetched_objects_cache", {}):
            return links  # loaded by optimise(), public pages only
        # Not prefetched (API v3, a draft's in-memory links): the same rule, one query.
        public = set(
            publicly_visible(Page.objects)
            .filter(pk__in=[getattr(link, f"{self.page_attr}_id") for link in links])
            .values_list("pk", flat=True)
        )
        return [link for link in links if getattr(link, f"{self.page_attr}_id") in public]

    def optimise(self, queryset):
        if self.of_every_translation:
            return queryset  # gathered with the pages' translations in follow_language
        link_model = queryset.model._meta.get_field(self.source).related_model
        return queryset.prefetch_related(
            Prefetch(self.source, queryset=self.public_links(link_model))
        )

    def follow_language(self, pages, language_code=None):
        """
        Swap each linked page of `pages` for its public translation nearest `language_code`
        (each page's own language by default) along that language's fallback chain: one query
        per language, and none when every linked page is in it already.
        """
        if self.of_every_translation and pages:
            self.gather_from_translations(pages)
        links_by_language = {}
        for page in pages:
            language = language_code or page.locale.language_code
            for link in self.links(page):
                if getattr(link, self.page_attr).locale.language_code != language:
                    links_by_language.setdefault(language, []).append(link)
        for language, links in links_by_language.items():
            model = type(getattr(links[0], self.page_attr))
            candidates = model.objects.select_related(
                "locale", *([self.image] if self.image else [])
            )
            ids = list({getattr(link, f"{self.page_attr}_id") for link in links})
            shown = {
                linked.pk: page
                for linked, page in nearest_public_translations(candidates, ids, language)
            }
            for link in links:
                linked_id = getattr(link, f"{self.page_attr}_id")
                if linked_id in shown:
                    setattr(link, self.page_attr, shown[linked_id])
                else:  # a restricted translation nearer the reader hides it (i18n/links.py)
                    link.hidden = True

    def to_representation(self, links):
        request = self.context.get("request")
        items = []
        shown = set()
        for link in self.shown(links):
            page = getattr(link, self.page_attr)
            # Links from several translations of one page lead to one translation of it.
            if page.pk in shown:
                continue
            shown.add(page.pk)
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
        links = self.shown(self.links(page))
        return [getattr(getattr(link, self.page_attr), self.image) for link in links]

    @staticmethod
    def shown(links):
        return [link for link in links if not getattr(link, "hidden", False)]
