"""The v2 endpoints besides pages: images, documents, people and themes."""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection
from django.db.models import Prefetch
from django.http import Http404
from rest_framework.fields import Field
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from citynet.api.pagination import CappedPagination
from citynet.api.translations import requested_locale
from citynet.images.api import RENDITIONS, image_representation
from citynet.people.models import Person
from citynet.taxonomy.models import Theme

SEARCH_OPERATORS = {"and", "or"}


def check_not_repeated(params):
    """v2 takes one value per parameter (lists are comma-separated): Django would silently use
    the last of `?limit=999&limit=1`, so a repeated parameter is a 400 that says so."""
    for name, values in params.lists():
        if len(values) > 1:
            raise BadRequestError(f"{name} is given more than once")


class StrictParametersMixin:
    """Every bad query parameter is a 400 with a JSON message, never a 500."""

    renderer_classes = [JSONRenderer]
    pagination_class = CappedPagination
    # What `find/` looks an object up by (Wagtail's `?id=`; pages add `?html_path=`).
    find_parameters = ("id",)

    def check_query_parameters(self, queryset):
        self.check_parameters(queryset.model, set(self.request.GET))

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by 4, which costs time and bytes on every response.
        return {**super().get_renderer_context(), "indent": None}

    def check_parameters(self, model, names):
        params = self.request.GET
        allowed = (
            set(self.get_available_fields(model, db_fields_only=True)) | self.known_query_parameters
        )
        unknown = names - allowed
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )
        operator = params.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        check_not_repeated(params)
        for name, values in params.lists():
            for value in values:
                if "\x00" in value:
                    raise BadRequestError(f"{name}: null characters are not allowed")
                self.check_integer_range(model, name, value)

    def check_integer_range(self, model, name, value):
        try:
            internal_type = model._meta.get_field(name).get_internal_type()
        except FieldDoesNotExist:
            return
        if not internal_type.endswith(("IntegerField", "AutoField")):
            return
        try:
            number = int(value)
        except ValueError:
            return  # Wagtail's field filter answers it with a 400
        low, high = connection.ops.integer_field_range(internal_type)
        if (low is not None and number < low) or (high is not None and number > high):
            raise BadRequestError(f"{name}: {value} is out of range")

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as error:  # DRF's answer to an unknown ?format=, without a message
            raise BadRequestError("format must be json, or left out") from error

    def find_object(self, queryset, request):
        """Wagtail's lookups, with a missing or malformed parameter answered by a 400."""
        if not request.GET.keys() & set(self.find_parameters):
            raise BadRequestError("find needs " + " or ".join(self.find_parameters))
        if "id" in request.GET:
            object_id = request.GET["id"]
            if not (object_id.isascii() and object_id.isdigit()):
                raise BadRequestError("id must be a positive integer")
            _low, high = connection.ops.integer_field_range(self.model._meta.pk.get_internal_type())
            if int(object_id) > high:
                return None  # no row can have it: not found
        return super().find_object(queryset, request)

    def get_object(self):
        self.check_primary_key()
        return super().get_object()

    def check_primary_key(self):
        """An id no database column can hold is simply not found (PostgreSQL would fail)."""
        low, high = connection.ops.integer_field_range(self.model._meta.pk.get_internal_type())
        if not low <= self.kwargs["pk"] <= high:
            raise Http404("not found")

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError) as error:
            raise BadRequestError(f"filter error: {error}") from error


class RenditionsField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image_representation(image)["renditions"]


class AltTextField(Field):
    """The alt text as page responses give it: the image's description, else its title."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image_representation(image)["alt"]


class PrefetchedTagsField(Field):
    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class CityNetImagesAPIViewSet(StrictParametersMixin, ImagesAPIViewSet):
    # `alt` as in page responses; `description`, the stored field, for Wagtail's own clients.
    body_fields = ImagesAPIViewSet.body_fields + ["alt", "description", "caption", "credit"]
    meta_fields = ImagesAPIViewSet.meta_fields + ["renditions"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["renditions"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            "alt": AltTextField(read_only=True),
            "renditions": RenditionsField(read_only=True),
            "tags": PrefetchedTagsField(read_only=True),
        }

    def get_queryset(self):
        queryset = super().get_queryset().prefetch_related("tags")
        return queryset.prefetch_renditions(*RENDITIONS.values())


class CityNetDocumentsAPIViewSet(StrictParametersMixin, DocumentsAPIViewSet):
    pass


class SnippetLocaleFilter(wagtail_filters.BaseFilterBackend):
    """`?locale=` and `?translation_of=` for translatable snippets, as for pages."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            queryset = queryset.filter(locale=requested_locale(request))
        if "translation_of" in request.GET:
            value = request.GET["translation_of"]
            if not (value.isdigit() and int(value) < 2**31):
                raise BadRequestError("translation_of must be a positive integer")
            source = view.get_queryset().filter(pk=value).first()  # only what the API shows
            if source is None:
                raise BadRequestError("translation_of object doesn't exist")
            queryset = queryset.filter(translation_key=source.translation_key).exclude(pk=source.pk)
        return queryset


class LocaleCodeField(Field):
    def to_representation(self, locale):
        return locale.language_code


class FieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's `?field=value` filters; a value a field's choices lack is a 400, not no results."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            choices = getattr(field_named(queryset.model, name), "flatchoices", None)
            if name in fields and choices and value not in {str(key) for key, _ in choices}:
                known = ", ".join(str(key) for key, _ in choices)
                raise BadRequestError(f"{name} must be one of: {known}")
        return super().filter_queryset(request, queryset, view)


def field_named(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


class SnippetAPIViewSet(StrictParametersMixin, BaseAPIViewSet):
    filter_backends = [
        FieldsFilter,
        wagtail_filters.OrderingFilter,
        SnippetLocaleFilter,
        wagtail_filters.SearchFilter,
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {
        "locale",
        "translation_of",
    }
    meta_fields = BaseAPIViewSet.meta_fields + ["locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["locale"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        overrides["locale"] = LocaleCodeField(read_only=True)
        return overrides

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("pk")


class PeopleAPIViewSet(SnippetAPIViewSet):
    name = "people"
    model = Person
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["name", "role"]

    def get_queryset(self):
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=list(RENDITIONS.values()))
        )
        return (
            super()
            .get_queryset()
            .filter(live=True)  # drafts and profiles awaiting approval are not public (0125)
            .select_related("photo")
            .prefetch_related(Prefetch("photo__renditions", queryset=renditions))
        )


class ThemesAPIViewSet(SnippetAPIViewSet):
    name = "themes"
    model = Theme
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["name", "slug", "kind"]
