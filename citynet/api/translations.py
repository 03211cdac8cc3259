"""
Languages in the v2 pages API (wired in citynet/api/pages.py).

- `meta.translations`: the page's other languages that the public can see (locale, id, URLs).
- `meta.translation_status`: for a translated page, its source and whether it is up to date.
- `?locale=ko&fallback=true`: the Korean pages, and for each page without a Korean version the
  first version along Korean's fallback chain, marked with `meta.fallback_from: "ko"`.
All three are computed in the listing's own query (subqueries), so they cost no query.
"""

import json

from django.conf import settings
from django.db.models import Aggregate, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject
from rest_framework.fields import DateTimeField, Field
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.models import Locale, Page

from citynet.i18n.languages import content_language_codes
from citynet.i18n.links import in_nearest_language
from citynet.i18n.status import with_outdated_since
from citynet.wagtail_internals import filter_keeping_child_of

FALLBACK_VALUES = {"true": True, "false": False}


class JSONArrayAgg(Aggregate):
    """
    The aggregated values as one JSON array. Django ships this aggregate for PostgreSQL only
    (`django.contrib.postgres.aggregates.JSONBAgg`); SQLite calls it `json_group_array`.
    """

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def with_annotations(field, page, attribute):
    """
    The page as annotated by the field's `optimise`: listings and details are; a page shown
    otherwise (a preview) is looked up here, with one query.
    """
    if hasattr(page, attribute) or page.pk is None:
        return page
    return field.optimise(Page.objects.filter(pk=page.pk)).first() or page


def visible_pages(view):
    """The pages the API shows (live, public, in the request's site), from the API viewset."""
    return view.get_base_queryset()


class TranslationsField(Field):
    """The page in the other languages, as far as the public can see them."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "locale": {"type": "string"},
                "id": {"type": "integer"},
                "html_url": {"type": "string", "format": "uri"},
                "detail_url": {"type": "string", "format": "uri"},
            },
        },
    }

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def optimise(self, queryset):
        # One subquery for all languages: a subquery per language made the pages query large
        # enough that building and compiling it cost more than running it.
        versions = (
            visible_pages(self.context["view"])
            .filter(translation_key=OuterRef("translation_key"))
            .order_by()
            .values("translation_key")  # one group: the page's translation key
            .annotate(
                data=JSONArrayAgg(
                    JSONObject(locale="locale__language_code", id="id", url_path="url_path")
                )
            )
            .values("data")
        )
        return queryset.annotate(translation_versions=Subquery(versions, output_field=JSONField()))

    def to_representation(self, page):
        request, router = self.context["request"], self.context["router"]
        page = with_annotations(self, page, "translation_versions")
        versions = getattr(page, "translation_versions", None) or []
        if isinstance(versions, str):  # some databases return JSON as text in subqueries
            versions = json.loads(versions)
        by_language = {version["locale"]: version for version in versions}
        translations = []
        for code in content_language_codes():  # the aggregate has no order of its own
            data = by_language.get(code)
            if not data or data["id"] == page.pk:
                continue
            version = Page(id=data["id"], url_path=data["url_path"])
            translations.append(
                {
                    "locale": code,
                    "id": data["id"],
                    "html_url": version.get_full_url(request),
                    "detail_url": get_object_detail_url(router, request, Page, data["id"]),
                }
            )
        return translations


class TranslationStatusField(Field):
    """For a page translated from the default language: is it up to date with its source?"""

    schema = {
        "anyOf": [
            {
                "type": "object",
                "properties": {
                    "source_id": {"type": "integer"},
                    "up_to_date": {"type": "boolean"},
                    "outdated_since": {
                        "anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]
                    },
                },
            },
            {"type": "null"},
        ]
    }

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def optimise(self, queryset):
        # Only a source the public may see: the id of a private or unpublished one is a leak.
        source = visible_pages(self.context["view"]).filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=settings.LANGUAGE_CODE,
        )
        # A translation key has one page per locale: no ordering needed to pick it.
        return with_outdated_since(queryset).annotate(
            source_page_id=Subquery(source.order_by().values("pk")[:1])
        )

    def to_representation(self, page):
        page = with_annotations(self, page, "source_page_id")
        if getattr(page, "source_page_id", None) in (None, page.pk):
            return None
        outdated_since = page.outdated_since
        return {
            "source_id": page.source_page_id,
            "up_to_date": outdated_since is None,
            "outdated_since": DateTimeField().to_representation(outdated_since)
            if outdated_since
            else None,
        }


class FallbackFromField(Field):
    """The language asked for, when this page is shown instead because it lacks that language."""

    schema = {"anyOf": [{"type": "string"}, {"type": "null"}]}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request = self.context["request"]
        requested = request.GET.get("locale")
        fell_back = requested and page.locale.language_code != requested
        if FALLBACK_VALUES.get(request.GET.get("fallback")) and fell_back:
            return requested
        return None


def requested_locale(request):
    """The Locale `?locale=` names: an unknown language is a bad parameter, a 400 (docs/api.md)."""
    code = request.GET["locale"]
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadRequestError(
            f"locale: {code!r} is not one of: " + ", ".join(content_language_codes())
        )
    return locale


class LocaleFilter(LocaleFilter):
    """Wagtail's `?locale=`, with `&fallback=true` following the language's fallback chain."""

    def filter_queryset(self, request, queryset, view):
        fallback = request.GET.get("fallback")
        if fallback is not None and fallback not in FALLBACK_VALUES:
            raise BadRequestError("fallback must be 'true' or 'false'")
        if not FALLBACK_VALUES.get(fallback):
            if "locale" not in request.GET:
                return queryset
            # Wagtail's filter, with a 400 instead of its 404 for an unknown language.
            return filter_keeping_child_of(queryset, locale=requested_locale(request))
        language_code = request.GET.get("locale")
        if language_code not in content_language_codes():
            raise BadRequestError(
                "fallback=true needs locale, one of: " + ", ".join(content_language_codes())
            )
        return queryset.filter(in_nearest_language(language_code))
