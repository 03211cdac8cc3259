"""
The v2 `pages` endpoint: Wagtail's own viewset with stricter parameter checks, a visibility
rule that hides every unpublished, expired or private page, per-type filters registered by the
plugins, and a query count that does not grow with the number of pages.
"""

import functools
import json
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db.models import JSONField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import JSONObject, Length, Substr
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import translation
from rest_framework.fields import Field
from rest_framework.response import Response
from rest_framework.serializers import ListSerializer
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.serializers import (
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from citynet.api import registry, views
from citynet.api import translations as i18n_api
from citynet.api.pagination import CappedPagination
from citynet.api.views import StrictParametersMixin
from citynet.compiled import Argument, CompiledOnce, CompiledPage
from citynet.delivery import tags
from citynet.delivery.sites import cached_site
from citynet.i18n.fallback import nearest_route
from citynet.i18n.languages import content_language_codes
from citynet.images.api import prefetch_renditions, reused_image_representations
from citynet.visibility import NotExpired, publicly_visible
from citynet.wagtail_internals import (
    build_serializer_class,
    serializer_context_without_base_queryset,
    site_root_paths,
)


def visible_pages(model=Page):
    """Live pages that anyone may see: not expired and not under a view restriction."""
    return publicly_visible(model.objects)


def public_pages(request, model=Page):
    """
    The visible pages of the request's site, in every locale. Built from cached site data and
    subqueries, so that it adds no query of its own.
    """
    return visible_pages(model).filter(in_site(request))


def in_site(request):
    """
    Pages of the request's site in every locale, from Wagtail's cached site root paths (read
    once per request, as its page URLs read them). Built once per request: every visibility
    subquery of a response uses it.
    """
    if not hasattr(request, "citynet_in_site"):
        site_id = cached_site_id(request)
        condition = Q(pk__in=[])
        for root_path in site_root_paths(request):
            if root_path.site_id == site_id:
                condition |= Q(url_path__startswith=root_path.root_path)
        request.citynet_in_site = condition
    return request.citynet_in_site


def cached_site_id(request):
    """The id of the site the API reads (citynet/delivery/sites.py), 0 when none."""
    try:
        site = cached_site(request, request.GET.get("site"))
    except ValueError as error:  # a host name shared by several sites
        raise BadRequestError(str(error)) from error
    return site.pk if site else 0


@functools.lru_cache(maxsize=20_000)
def page_model_for(pk):
    """
    A page's type never changes, so each process looks it up once: one small query on a page's
    first detail, and no round trip to a shared cache after it.
    """
    found = PAGE_TYPE.run(pk=pk)
    if not found:
        raise Http404("not found")
    return ContentType.objects.get_for_id(found[0]).model_class() or Page


PAGE_TYPE = CompiledOnce(
    Page.objects.filter(pk=Argument("pk")).values_list("content_type_id", flat=True)
)


@functools.lru_cache(maxsize=256)
def serializer_class(viewset, router, model, fields, show_details):
    """Wagtail builds a serializer class for every request; the same request gets the same one."""
    try:
        fields_config = parse_fields_parameter(fields) if fields is not None else []
    except ValueError as error:
        raise BadRequestError(f"fields error: {error}") from error
    if not show_details:
        refuse_detail_only_fields(viewset, model, fields_config)
    return build_serializer_class(viewset, router, model, fields_config, show_details)


def refuse_detail_only_fields(viewset, model, fields_config):
    """A listing asked for a detail-only field (decision 0023) says where to find it."""
    names = set(viewset.get_body_fields_names(model)) | set(viewset.get_meta_fields_names(model))
    for name, _negated, _sub_fields in fields_config:
        if name in viewset.detail_only_fields and name in names:
            raise BadRequestError(f"{name} is only in a page's detail: /api/v2/pages/<id>/")


def with_public_parent(queryset, request):
    """
    Annotates pages with their parent's fields when the public may see it. Ancestors of a
    visible page are never under a view restriction, so live, in-site and not expired is enough.
    """
    parents = (
        Page.objects.live()
        .filter(in_site(request), NotExpired())
        .filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
    )
    parent_data = JSONObject(
        id="id", title="title", url_path="url_path", content_type_id="content_type_id"
    )
    return queryset.annotate(
        public_parent=Subquery(parents.values(data=parent_data)[:1], output_field=JSONField())
    )


class PublicParentField(PageParentField):
    """The parent page from the detail query's annotation: no query of its own."""

    def get_attribute(self, instance):
        data = getattr(instance, "public_parent", None)
        if isinstance(data, str):  # some databases return JSON as text in subqueries
            data = json.loads(data)
        return Page(**data) if data else None

    def to_representation(self, value):
        # Wagtail's builds the parent's serializer class anew for every detail.
        return parent_serializer_class()(context=self.context).to_representation(value)


@functools.cache
def parent_serializer_class():
    """The parent's fields, as Wagtail's PageParentField shows them; its URL as our pages'
    (HtmlUrlField: the site root paths the request already read, not another cache read)."""
    return get_serializer_class(
        Page,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=CityNetPageSerializer,
    )


class JsonLdField(Field):
    """The page's schema.org JSON-LD, the same document its HTML carries."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not hasattr(page, "structured_data"):
            return None
        return page.structured_data(self.context["request"])


class HtmlUrlField(PageHtmlUrlField):
    """The page's URL, with the site root paths read once per request: Wagtail's field reads
    them from the cache (a Redis round trip) for every page of a listing."""

    def to_representation(self, page):
        try:
            return page.get_full_url(self.context["request"])
        except NoReverseMatch:
            return None


class CityNetPageSerializer(PageSerializer):
    html_url = HtmlUrlField(read_only=True)
    parent = PublicParentField(read_only=True)


class FieldsFilter(views.FieldsFilter):
    """
    `?field=value` filters, values checked against choices (views.FieldsFilter), except the
    names a plugin filters (and validates) itself.
    """

    def filter_queryset(self, request, queryset, view):
        own_filters = registry.get(queryset.model).filters
        params = request.GET.copy()
        for name in own_filters:
            params.pop(name, None)
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


class RegisteredFilters(wagtail_filters.BaseFilterBackend):
    """The filters a plugin registered for the requested page type (blog/api.py...)."""

    def filter_queryset(self, request, queryset, view):
        filters = registry.get(queryset.model).filters
        for name, value in request.GET.items():
            if name in filters:
                try:
                    queryset = filters[name].apply(queryset, name, value)
                except ValueError as error:
                    raise BadRequestError(str(error)) from error
        return queryset


class SearchFilter(wagtail_filters.SearchFilter):
    """
    Wagtail's search, over the already filtered pages. Search backends accept only indexed
    fields as filters, so the visibility rules and filters become one `id IN (...)` subquery.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            matching = queryset.values("pk")
            queryset = queryset.model.objects.filter(pk__in=matching).select_related("locale")
            queryset = view.optimise(queryset)
        return super().filter_queryset(request, queryset, view)


class WindowFirstPagination(CappedPagination):
    """
    A listing's window of ids first, then those pages with every field. In one query, SQLite
    sorted every matching page with all its columns (bodies too) and subqueries before skipping
    to the window, and PostgreSQL joined them all: 22 and 16 ms at 10,000 articles (0380).
    """

    def window(self, queryset, offset, limit):
        if not isinstance(queryset, QuerySet):  # search results
            return super().window(queryset, offset, limit)
        ids = queryset.values("pk")[offset : offset + limit]
        pages = self.view.pages_with_fields(queryset.model).filter(pk__in=ids)
        ordering = queryset.query.order_by
        return pages.order_by(*ordering) if ordering else pages


BUILT_QUERYSETS = {}
MAX_BUILT_QUERYSETS = 256


def built_once(key, build):
    """
    A listing's or a detail's query, built once per process for each key (decision 0146):
    building it cost more than running it. Nothing in it reads the request or the clock until
    it runs, and every use clones it.
    """
    queryset = BUILT_QUERYSETS.get(key)
    if queryset is None:
        queryset = build()
        if len(BUILT_QUERYSETS) >= MAX_BUILT_QUERYSETS:  # `fields` is the client's to vary
            BUILT_QUERYSETS.clear()
        BUILT_QUERYSETS[key] = queryset
    return queryset


class CityNetPagesAPIViewSet(StrictParametersMixin, PagesAPIViewSet):
    base_serializer_class = CityNetPageSerializer
    pagination_class = WindowFirstPagination
    filter_backends = [
        FieldsFilter,
        wagtail_filters.ChildOfFilter,
        wagtail_filters.AncestorOfFilter,
        wagtail_filters.DescendantOfFilter,
        wagtail_filters.OrderingFilter,
        wagtail_filters.TranslationOfFilter,
        i18n_api.LocaleFilter,  # Wagtail's, plus `fallback=true` along the language's chain
        RegisteredFilters,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"fallback"}
    find_parameters = ("html_path", "id")
    # Every page's languages (citynet/api/translations.py), computed within the pages' own query.
    meta_fields = PagesAPIViewSet.meta_fields + [
        "translations",
        "translation_status",
        "fallback_from",
        "json_ld",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "locale",
        "translations",
        "translation_status",
        "fallback_from",
    ]
    # Bodies are for detail responses: listings stay cheap whatever `fields` asks for.
    detail_only_fields = ["parent", "body", "reading_time", "json_ld"]

    @classmethod
    def get_detail_default_fields(cls, model):
        # The page's JSON-LD is asked for (`?fields=json_ld`): it costs a few queries.
        return [name for name in super().get_detail_default_fields(model) if name != "json_ld"]

    # Queryset

    def get_base_queryset(self):
        return public_pages(self.request)

    def get_serializer_context(self):
        # Wagtail adds a `base_queryset` for its parent field; ours reads an annotation instead.
        return serializer_context_without_base_queryset(self)

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            self._queryset = self.build_queryset()
        return self._queryset

    def build_queryset(self):
        models = tuple(self.requested_models())
        default_order = None
        if len(models) == 1 and not {"order", "search"} & set(self.request.GET):
            default_order = registry.get(models[0]).default_order
        key = (*self.built_key(), models, default_order)
        return built_once(key, lambda: self.optimise(self.listed_pages(models, default_order)))

    def listed_pages(self, models, default_order):
        if len(models) == 1:
            queryset = public_pages(self.request, models[0])
            return queryset.order_by(*default_order) if default_order else queryset
        queryset = self.get_base_queryset()
        return queryset.type(*models) if models else queryset

    def pages_with_fields(self, model):
        """Pages of `model` loading what the serializer's fields need, with no filter yet."""
        key = (*self.built_key(), model, "fields")
        return built_once(key, lambda: self.optimise(model.objects.all()))

    def built_key(self):
        """What a built query depends on besides its page types: see built_once()."""
        return (
            type(self),
            self.request.wagtailapi_router,
            self.action,
            self.request.GET.get("fields"),
            in_site(self.request),
        )

    def requested_models(self):
        model_names = self.request.GET.get("type")
        if not model_names:
            return []
        try:
            return page_models_from_string(model_names)
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error

    def optimise(self, queryset):
        """Let each serializer field load what it needs along with the pages."""
        queryset = queryset.select_related("locale")
        for field in self.serializer_fields(queryset.model):
            if hasattr(field, "optimise"):
                queryset = field.optimise(queryset)
        return queryset

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self.check_primary_key()
            model = page_model_for(self.kwargs["pk"])
            page = self.detail_query(model).run(pk=self.kwargs["pk"])
            if page is None:
                raise Http404("not found")
            self._cached_object = page
        return self._cached_object

    def find_object(self, queryset, request):
        """
        The page a reader sees at `?html_path=`. Behind a language prefix (/ko/...), the path is
        routed in that language's tree, falling back along its chain and preferring the page's
        translation in that language, as the HTML site does (citynet/i18n/fallback.py); without
        one, in the default tree, as Wagtail does.
        """
        html_path = request.GET.get("html_path")
        if html_path == "":
            raise BadRequestError("html_path is empty: give a page's path, such as /en/blog/")
        if html_path and "//" in html_path:
            return None  # not the path of any page of the HTML site
        path = "/" + (html_path or "").lstrip("/")
        language_code = translation.get_language_from_path(path.lower())
        if not language_code:
            return super().find_object(queryset, request)
        if language_code != path.split("/")[1]:
            return None  # /KO/blog/ is a 404 on the HTML site: its prefixes are lower case
        below_prefix = path.split("/", 2)[2] if path.count("/") > 1 else ""
        route = nearest_route(request, below_prefix, language_code)
        if route is None:
            return None
        translations = queryset.filter(translation_key=route.page.translation_key)
        return (
            translations.filter(locale__language_code=language_code).first()
            or translations.filter(pk=route.page.pk).first()
        )

    def detail_query(self, model):
        """A page's detail query, built and compiled once per process (0146, 0400)."""

        def build():
            queryset = self.optimise(public_pages(self.request, model))
            return CompiledPage(with_public_parent(queryset, self.request))

        return built_once((*self.built_key(), model), build)

    # Serialization: the one place where page fields are computed, for every page type.

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        overrides.update(registry.get(model).serializers)
        overrides["translations"] = i18n_api.TranslationsField()
        overrides["translation_status"] = i18n_api.TranslationStatusField()
        overrides["fallback_from"] = i18n_api.FallbackFromField()
        overrides["json_ld"] = JsonLdField()
        return overrides

    def get_serializer_class(self):
        return self.serializer_class_for(self.serialized_model())

    def serialized_model(self):
        if self.action == "listing_view":
            return self.get_queryset().model
        return type(self.get_object())

    def serializer_class_for(self, model):
        return serializer_class(
            type(self),
            self.request.wagtailapi_router,
            model,
            self.request.GET.get("fields"),
            show_details=self.action != "listing_view",
        )

    def serializer_for(self, model):
        """
        One serializer per model and request: `optimise` and `serialize` share its fields,
        which DRF would otherwise build anew (deep copies of every field) for each.
        """
        serializers = self.__dict__.setdefault("_serializers", {})
        if model not in serializers:
            serializer = self.serializer_class_for(model)(context=self.get_serializer_context())
            serializers[model] = serializer
        return serializers[model]

    def serializer_fields(self, model):
        return self.serializer_for(model).fields.values()

    def serialize(self, pages, many):
        serializer = self.serializer_for(self.serialized_model())
        fields = serializer.fields.values()
        # Linked pages in the language asked for (?locale=), else each page's own (0137).
        language_code = self.request.GET.get("locale")
        if language_code not in content_language_codes():
            language_code = None
        for field in fields:
            if hasattr(field, "follow_language"):
                field.follow_language(pages if many else [pages], language_code)
        images = [
            image
            for page in (pages if many else [pages])
            for field in fields
            if hasattr(field, "images")
            for image in field.images(page)
        ]
        prefetch_renditions(images)
        if many:
            serializer = ListSerializer(pages, child=serializer, context=serializer.context)
        else:
            serializer.instance = pages
        with reused_image_representations():
            return serializer.data

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        pages = list(self.paginate_queryset(queryset))
        # The listing is about its items, whichever fields (`-id` too) it shows of them.
        tags.add(*(tags.about_tag(page.pk) for page in pages))
        response = self.get_paginated_response(self.serialize(pages, many=True))
        # The languages of the items' text, not the one LocaleMiddleware picked for /api/.
        languages = dict.fromkeys(page.locale.language_code for page in pages)
        if languages:
            response["Content-Language"] = ", ".join(languages)
        return response

    def detail_view(self, request, pk):
        page = self.get_object()
        # The language of the page's text, not the one LocaleMiddleware picked for the request.
        return Response(
            self.serialize(page, many=False),
            headers={"Content-Language": page.locale.language_code},
        )

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - set(registry.get(queryset.model).filters)
        self.check_parameters(queryset.model, unknown)
        for name in ("child_of", "descendant_of", "ancestor_of", "translation_of"):
            value = self.request.GET.get(name, "root")
            if value != "root" and not (value.isdigit() and int(value) < 2**31):
                raise BadRequestError(f"{name} must be a positive integer")
