"""
How each plugin exposes its page types in the v2 API, without the site package importing any
plugin: a plugin's `api.py` calls `register(PageTypeAPI(...))` (see blog/api.py).
"""

from dataclasses import dataclass, field

from wagtail.api import APIField

from citynet.core.filters import Filter


@dataclass(frozen=True)
class PageTypeAPI:
    model: type
    # Query parameters beyond Wagtail's, by name.
    filters: dict[str, Filter] = field(default_factory=dict)
    # The v2 representation of fields that need more than Wagtail's default serializer.
    serializers: dict = field(default_factory=dict)
    # JSON schemas (OpenAPI) of computed fields that have no model field to describe them.
    schemas: dict = field(default_factory=dict)
    # The listing's order when the request gives no `order` (nor `search`).
    default_order: tuple = ()


_page_types = {}


def register(page_type_api):
    _page_types[page_type_api.model] = page_type_api
    share_computed_serializers(page_type_api)
    return page_type_api


def share_computed_serializers(page_type_api):
    """
    A declared API field that is neither a model field nor an attribute (a computed one, such as
    a program's calendar links) gets its serializer on the `APIField`, so that Wagtail's own v2
    endpoint can serialize it too. Fields Wagtail can read keep Wagtail's default serializer.
    """
    model = page_type_api.model
    model.api_fields = [
        APIField(api_field.name, serializer=page_type_api.serializers[api_field.name])
        if api_field.serializer is None
        and api_field.name in page_type_api.serializers
        and not hasattr(model, api_field.name)
        else api_field
        for api_field in model.api_fields
    ]


_openapi = {"paths": {}, "schemas": {}}


def register_openapi(paths, schemas=None):
    """Describe a plugin's own endpoints (paths under /api/v2) in the OpenAPI description."""
    _openapi["paths"].update(paths)
    _openapi["schemas"].update(schemas or {})


def openapi_paths():
    return dict(_openapi["paths"])


def openapi_schemas():
    return dict(_openapi["schemas"])


def get(model):
    """The registered description of a page model, or a neutral one for unregistered models."""
    return _page_types.get(model) or PageTypeAPI(model=model)
