"""
The OpenAPI 3.1 description of the public v2 API, generated from the registered page types so
that it cannot drift from them: each page type's fields come from its `api_fields`, typed by
their model fields or by the serializer field's own `schema`. Served at /api/v2/openapi.json.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

from citynet.api import registry
from citynet.api.pages import CityNetPagesAPIViewSet
from citynet.api.translations import FallbackFromField, TranslationsField, TranslationStatusField


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
RENDITION = {
    "type": "object",
    "required": ["url", "width", "height"],
    "properties": {"url": STRING, "width": {"type": "integer"}, "height": {"type": "integer"}},
}
COMPONENTS = {
    "Error": {"type": "object", "required": ["message"], "properties": {"message": STRING}},
    "Image": {
        "type": "object",
        "required": ["id", "title", "alt", "caption", "credit", "width", "height", "renditions"],
        "properties": {
            "id": {"type": "integer"},
            "title": STRING,
            "alt": STRING,
            "caption": STRING,
            "credit": STRING,
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "renditions": {
                "type": "object",
                "required": ["thumbnail", "card", "full_width"],
                "properties": {"thumbnail": RENDITION, "card": RENDITION, "full_width": RENDITION},
            },
        },
    },
    "Person": {
        "type": "object",
        "required": ["id", "name", "role", "organisation", "bio", "photo"],
        "properties": {
            "id": {"type": "integer"},
            "name": STRING,
            "role": STRING,
            "organisation": STRING,
            "bio": STRING,
            "photo": nullable(ref("Image")),
        },
    },
    "Theme": {
        "type": "object",
        "required": ["id", "name", "slug", "kind", "sdg_number"],
        "properties": {
            "id": {"type": "integer"},
            "name": STRING,
            "slug": STRING,
            "kind": {"enum": ["sdg", "cluster"]},
            "sdg_number": nullable({"type": "integer"}),
        },
    },
    "PageSummary": {
        "type": "object",
        "required": ["id", "type", "title", "slug", "locale", "html_url"],
        "properties": {
            "id": {"type": "integer"},
            "type": STRING,
            "title": STRING,
            "slug": STRING,
            "locale": STRING,
            "html_url": nullable(STRING),
        },
    },
    "Block": {
        "type": "object",
        "required": ["type", "value", "id"],
        "properties": {"type": STRING, "id": STRING, "value": {}},
    },
    "PageMeta": {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": STRING,
            "detail_url": STRING,
            "html_url": nullable(STRING),
            "slug": STRING,
            "locale": STRING,
            "first_published_at": nullable({"type": "string", "format": "date-time"}),
            "show_in_menus": {"type": "boolean"},
            "seo_title": STRING,
            "search_description": STRING,
            "alias_of": {},
            # The page's languages (docs/i18n.md, "Asking the API for a language").
            "translations": TranslationsField.schema,
            "translation_status": TranslationStatusField.schema,
            "fallback_from": {
                **FallbackFromField.schema,
                "description": "With ?locale=X&fallback=true: X, when this page stands in for "
                "a missing X version",
            },
            "json_ld": nullable(
                {
                    "type": "object",
                    "description": "The page's schema.org JSON-LD, as in its HTML "
                    "(detail responses, with ?fields=json_ld)",
                    "required": ["@context", "@graph"],
                    "properties": {
                        "@context": {"const": "https://schema.org"},
                        "@graph": {"type": "array", "items": {"type": "object"}},
                    },
                }
            ),
            "parent": nullable(
                {
                    "type": "object",
                    "required": ["id", "meta", "title"],
                    "properties": {"id": {"type": "integer"}, "title": STRING, "meta": {}},
                }
            ),
        },
    },
    "ListingMeta": {
        "type": "object",
        "required": ["total_count"],
        "properties": {"total_count": {"type": "integer"}},
    },
}

MODEL_FIELD_SCHEMAS = [
    (StreamField, {"type": "array", "items": ref("Block")}),
    (RichTextField, {"type": "string", "description": "HTML"}),
    (models.DateField, DATE),
    (models.TimeField, {"type": "string", "description": "Local time, HH:MM:SS"}),
    (models.IntegerField, {"type": "integer"}),
    (models.BooleanField, {"type": "boolean"}),
    (models.CharField, STRING),
    (models.TextField, STRING),
]


def field_schema(model, api_field, serializer_overrides):
    serializer = api_field.serializer or serializer_overrides.get(api_field.name)
    if serializer is not None and hasattr(serializer, "schema"):
        return serializer.schema
    try:
        model_field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return {}  # a computed property: any JSON value
    for field_class, schema in MODEL_FIELD_SCHEMAS:
        if isinstance(model_field, field_class):
            return nullable(schema) if model_field.null else schema
    return {}


def page_type_schema(model):
    page_type = registry.get(model)
    overrides = CityNetPagesAPIViewSet.get_field_serializer_overrides(model)
    properties = {
        "id": {"type": "integer"},
        "meta": ref("PageMeta"),
        "title": STRING,
    }
    for api_field in getattr(model, "api_fields", ()):
        properties[api_field.name] = field_schema(model, api_field, overrides)
    properties.update(page_type.schemas)
    return {
        "type": "object",
        "description": model.page_description if hasattr(model, "page_description") else "",
        "required": ["id", "meta"],
        "properties": properties,
    }


def page_types():
    """Every concrete page type, under an abstract base too (Wagtail's public registry)."""
    return [model for model in get_page_models() if model is not Page] + [Page]


def type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def parameter(name, description, schema=STRING):
    return {"name": name, "in": "query", "description": description, "schema": schema}


COMMON_PARAMETERS = [
    parameter("type", "Page type, e.g. blog.ArticlePage (enables its fields and filters)"),
    parameter("fields", "Comma-separated fields; * for all (bodies in detail responses only)"),
    parameter("limit", "Items per page, at most 100", {"type": "integer", "maximum": 100}),
    parameter("offset", "Items to skip", {"type": "integer", "minimum": 0}),
    parameter("order", "Field to order by; prefix with - for descending; or random"),
    parameter("search", "Full-text search"),
    parameter("search_operator", "and / or", {"enum": ["and", "or"]}),
    parameter("locale", "Language code, e.g. en"),
    parameter("translation_of", "Page id: its translations", {"type": "integer"}),
    parameter("child_of", "Page id or root", STRING),
    parameter("descendant_of", "Page id or root", STRING),
    parameter("ancestor_of", "Page id", {"type": "integer"}),
]
PAGE_PARAMETERS = [
    parameter(
        "fallback",
        "With locale: each page missing in that language comes in its first version along the "
        "language's fallback chain, marked with meta.fallback_from (docs/i18n.md)",
        {"enum": ["true", "false"]},
    ),
    parameter(
        "site",
        "hostname[:port] of another site of this installation: its pages only (an unknown site "
        "is a 404)",
    ),
    parameter(
        "rich_text_format",
        "Rich text as browser-ready HTML (the default) or as stored",
        {"enum": ["html", "db_html", "markdown", "db_markdown"]},
    ),
]


def filter_parameters():
    """One parameter per name: page types that share a filter's name each say what it means."""
    uses = {}
    for model in page_types():
        for name, page_filter in registry.get(model).filters.items():
            uses.setdefault(name, []).append((type_name(model), page_filter))
    parameters = []
    for name, filters in uses.items():
        description = "; ".join(
            f"type={model}: {page_filter.description}" for model, page_filter in filters
        )
        schemas = []
        for _, page_filter in filters:
            if page_filter.schema not in schemas:
                schemas.append(page_filter.schema)
        schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
        parameters.append(parameter(name, description, schema))
    return parameters


def header(description, schema=STRING):
    return {"description": description, "schema": schema}


# What every public response carries (docs/api.md, "Caching and CORS"; docs/deploy.md).
CACHE_HEADERS = {
    "ETag": header("A hash of the body: send it back in If-None-Match for a 304"),
    "Last-Modified": header(
        "The latest change among what the response shows; none in that change's own second"
    ),
    "Cache-Control": header("public, max-age=API_CACHE_MAX_AGE (private, no-store when personal)"),
    **{
        name: header("The response's cache tags, for a CDN to purge by (docs/deploy.md)")
        for name in settings.CACHE_TAG_HEADERS
    },
}


def json_response(schema, description="OK", headers=None):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    return response | ({"headers": headers} if headers else {})


NOT_MODIFIED = {"description": "Not modified", "headers": {"ETag": CACHE_HEADERS["ETag"]}}


ERRORS = {
    "400": json_response(ref("Error"), "A bad parameter"),
    "404": json_response(ref("Error"), "Not found"),
}


def listing_path(summary, item_schema, parameters):
    listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": ref("ListingMeta"),
            "items": {"type": "array", "items": item_schema},
        },
    }
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {"200": json_response(listing, headers=CACHE_HEADERS), "304": NOT_MODIFIED}
            | ERRORS,
        }
    }


def detail_path(summary, schema):
    return {
        "get": {
            "summary": summary,
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                parameter("fields", "Comma-separated fields; * for all"),
            ],
            "responses": {"200": json_response(schema, headers=CACHE_HEADERS), "304": NOT_MODIFIED}
            | ERRORS,
        }
    }


def snippet_schema(name, required):
    schema = {**COMPONENTS[name]}
    properties = {**schema["properties"], "meta": {"type": "object"}}
    return {"type": "object", "required": required, "properties": properties}


def build_openapi():
    schemas = dict(COMPONENTS) | registry.openapi_schemas()
    page_refs = []
    for model in page_types():
        schema = page_type_schema(model)
        schema["properties"]["meta"] = {
            "allOf": [
                ref("PageMeta"),
                {"properties": {"type": {"const": type_name(model)}}},
            ]
        }
        schemas[type_name(model)] = schema
        page_refs.append(ref(type_name(model)))
    page = {"oneOf": page_refs}
    list_item = {
        "type": "object",
        "required": ["id", "meta"],
        "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "CityNet content API",
            "version": "2",
            "description": "Wagtail's v2 content API with CityNet's page types, filters, "
            "images and caching. See docs/api.md.",
        },
        "servers": [{"url": "/api/v2"}],
        "paths": {
            "/pages/": listing_path(
                "Published pages",
                {"anyOf": page_refs},
                COMMON_PARAMETERS + PAGE_PARAMETERS + filter_parameters(),
            ),
            "/pages/{id}/": detail_path("A published page, with every field", page),
            "/people/": listing_path("People (authors)", list_item, COMMON_PARAMETERS[1:9]),
            "/people/{id}/": detail_path("A person", snippet_schema("Person", ["id", "name"])),
            "/themes/": listing_path("Themes", list_item, COMMON_PARAMETERS[1:9]),
            "/themes/{id}/": detail_path("A theme", snippet_schema("Theme", ["id", "slug"])),
            "/images/": listing_path("Images", list_item, COMMON_PARAMETERS[1:7]),
            "/images/{id}/": detail_path("An image", list_item),
            "/documents/": listing_path("Documents", list_item, COMMON_PARAMETERS[1:7]),
            "/documents/{id}/": detail_path("A document", list_item),
            "/preview/": {
                "get": {
                    "summary": "A draft page for headless preview (single-use token)",
                    "parameters": [
                        parameter("content_type", "app_label.model from the preview URL"),
                        parameter("token", "The token from the preview URL"),
                    ],
                    "responses": {
                        "200": json_response(page),
                        "400": json_response({}, "Missing parameters"),
                        "403": json_response({}, "Forged or malformed token"),
                        "410": json_response({}, "Expired or already used token"),
                    },
                }
            },
        }
        | registry.openapi_paths(),
        "components": {"schemas": schemas},
    }


@cache_control(public=True, max_age=300)
def openapi_view(request):
    return JsonResponse(build_openapi(), json_dumps_params={"indent": 2})
