"""
How each plugin exposes its page types in the v2 API, without the site package importing any
plugin: a plugin's `api.py` calls `register(PageTypeAPI(...))` (see blog/api.py).
"""

from dataclasses import dataclass, field

from citynet.api.filters import Filter


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
    return page_type_api


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
