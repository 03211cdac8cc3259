"""
Reader comments in the v2 content API (autodiscovered by citynet.api after blog and programs):
`/api/v2/comments/?page=<id>` lists a page's approved comments as threads; `POST` on the same URL
posts one with the article form's rules, after `POST /api/v2/comments/token/` gave a form token.
Commentable page types get a `comment_count` field.
"""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.fields import Field
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from blog.models import ArticlePage
from citynet.api import registry
from citynet.api.pages import public_pages
from citynet.api.pagination import parse_bounded_int
from citynet.api.router import api_router
from citynet.api.views import StrictParametersMixin, check_not_repeated
from citynet.security.throttling import client_address
from programs.models import ProgramPage

from . import moderation
from .forms import ReaderCommentForm
from .models import ReaderComment
from .threads import approved_threads, count_visible
from .tokens import confirmed_email, form_token

COMMENTABLE = [ArticlePage, ProgramPage]
COUNT_ANNOTATION = "approved_reader_comment_count"


def representation(comment):
    """What the public sees of a comment: never an email or an IP address."""
    return {
        "id": comment.pk,
        "author_name": comment.author_name,
        "author_url": comment.author_url,
        "is_staff_reply": comment.is_staff_reply,
        "created_at": comment.created_at.isoformat(),
        "text": comment.text,
        "html": str(comment.html),
        "replies": [representation(reply) for reply in comment.thread_replies],
    }


class ReaderCommentsAPIViewSet(StrictParametersMixin, BaseAPIViewSet):
    model = ReaderComment
    # Posting never uses a session: a headless front end posts for an anonymous reader.
    authentication_classes = []
    permission_classes = []
    known_query_parameters = frozenset({"page", "limit", "offset"})

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view", "post": "create_view"}), name="listing"),
            path("token/", cls.as_view({"post": "token_view"}), name="token"),
        ]

    def page_from(self, value):
        if not (isinstance(value, int | str) and str(value).isdigit() and 0 < int(value) < 2**31):
            raise BadRequestError(_("page must be a page id"))
        page = public_pages(self.request).filter(pk=int(value)).first()
        if page is None:
            raise Http404("not found")
        return page

    def listing_view(self, request):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not recognised: " + ", ".join(sorted(unknown))
            )
        check_not_repeated(request.GET)
        if "page" not in request.GET:
            raise BadRequestError("page is required: /api/v2/comments/?page=<page id>")
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        limit = parse_bounded_int(request, "limit", min(20, limit_max), limit_max, minimum=1)
        offset = parse_bounded_int(request, "offset", 0, 1_000_000)
        page = self.page_from(request.GET["page"])
        threads = approved_threads(page.pk)
        return Response(
            {
                "meta": {"total_count": len(threads), "comment_count": count_visible(threads)},
                "items": [representation(c) for c in threads[offset : offset + limit]],
            }
        )

    def body(self, request):
        """The posted JSON object; refusals are `{"message": ...}` in the reader's language."""
        try:
            data = request.data
        except ParseError as error:
            raise BadRequestError(_("the body must be a JSON object")) from error
        if not hasattr(data, "get"):
            raise BadRequestError(_("the body must be a JSON object"))
        return data

    def token_view(self, request):
        page = self.page_from(self.body(request).get("page"))
        return Response({"token": form_token(page.pk)}, headers={"Cache-Control": "no-store"})

    def create_view(self, request):
        body = self.body(request)
        page = self.page_from(body.get("page"))
        data = {key: body.get(key) or "" for key in ReaderCommentForm.base_fields}
        form = ReaderCommentForm(data, page=page)
        outcome = moderation.submit(
            form,
            ip_address=client_address(request),
            language=get_language(),
            confirmed_email=confirmed_email(request),
        )
        if outcome.errors:
            return Response({"message": outcome.message, "errors": outcome.errors}, status=400)
        comment = outcome.comment
        return Response(
            {"id": comment.pk, "status": comment.status, "message": outcome.message}, status=201
        )


class CommentCountField(Field):
    """A page's approved reader comments, counted within the pages' own query."""

    schema = {"type": "integer", "description": "Approved reader comments"}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def optimise(self, queryset):
        approved = (
            ReaderComment.objects.approved()
            .filter(page=OuterRef("pk"))
            .values("page")
            .annotate(count=Count("pk"))
            .values("count")
        )
        count = Coalesce(Subquery(approved, output_field=IntegerField()), 0)
        return queryset.annotate(**{COUNT_ANNOTATION: count})

    def to_representation(self, page):
        count = getattr(page, COUNT_ANNOTATION, None)
        if count is None:  # a page loaded without optimise(), e.g. a preview
            count = ReaderComment.objects.approved().filter(page=page).count()
        return count


api_router.register_endpoint("comments", ReaderCommentsAPIViewSet)
for model in COMMENTABLE:
    page_type = registry.get(model)
    page_type.serializers["comment_count"] = CommentCountField()
    if not any(field.name == "comment_count" for field in model.api_fields):
        # With its serializer, so that Wagtail's own v2 endpoint can serialize it too.
        count_field = APIField("comment_count", serializer=CommentCountField())
        model.api_fields = [*model.api_fields, count_field]

COMMENT_SCHEMA = {
    "type": "object",
    "required": ["id", "author_name", "author_url", "is_staff_reply", "created_at", "text"],
    "properties": {
        "id": {"type": "integer"},
        "author_name": {"type": "string"},
        "author_url": {"type": "string"},
        "is_staff_reply": {"type": "boolean"},
        "created_at": {"type": "string", "format": "date-time"},
        "text": {"type": "string", "description": "Plain text as written"},
        "html": {"type": "string", "description": "The text escaped, with safe links"},
        "replies": {"type": "array", "items": {"$ref": "#/components/schemas/ReaderComment"}},
    },
    "additionalProperties": False,
}
ERROR = {"$ref": "#/components/schemas/Error"}


def json_content(schema):
    return {"content": {"application/json": {"schema": schema}}}


POST_BODY = {
    "type": "object",
    "required": ["page", "token", "author_name", "author_email", "text"],
    "properties": {
        "page": {"type": "integer"},
        "token": {"type": "string", "description": "From POST /comments/token/, 3 s to 2 h old"},
        "parent": {"type": "integer", "description": "The approved comment replied to"},
        "author_name": {"type": "string"},
        "author_email": {"type": "string", "format": "email", "description": "Never shown"},
        "author_url": {"type": "string"},
        "text": {"type": "string", "maxLength": 3000},
        "fax": {"type": "string", "description": "Honeypot: leave empty"},
    },
}
registry.register_openapi(
    paths={
        "/comments/": {
            "get": {
                "summary": "A page's approved reader comments, as threads (replies nested)",
                "parameters": [
                    {
                        "name": "page",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "integer"},
                    },
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                ],
                "responses": {
                    "200": {
                        "description": "Threads, oldest first; limit and offset count threads",
                        **json_content(
                            {
                                "type": "object",
                                "required": ["meta", "items"],
                                "properties": {
                                    "meta": {
                                        "type": "object",
                                        "required": ["total_count", "comment_count"],
                                        "properties": {
                                            "total_count": {"type": "integer"},
                                            "comment_count": {"type": "integer"},
                                        },
                                    },
                                    "items": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/ReaderComment"},
                                    },
                                },
                            }
                        ),
                    },
                    "304": {"description": "Not modified"},
                    "400": {"description": "A bad parameter", **json_content(ERROR)},
                    "404": {"description": "No such public page", **json_content(ERROR)},
                },
            },
            "post": {
                "summary": "Post a reader comment (same rules as the article form)",
                "requestBody": {"required": True, **json_content(POST_BODY)},
                "responses": {
                    "201": {
                        "description": "Published (approved) or held for moderation (pending)",
                        **json_content(
                            {
                                "type": "object",
                                "required": ["id", "status", "message"],
                                "properties": {
                                    "id": {"type": "integer"},
                                    "status": {"enum": ["approved", "pending"]},
                                    "message": {"type": "string"},
                                },
                            }
                        ),
                    },
                    "400": {
                        "description": "Refused; message in the reader's language",
                        **json_content(
                            {
                                "type": "object",
                                "required": ["message", "errors"],
                                "properties": {
                                    "message": {"type": "string"},
                                    "errors": {
                                        "type": "object",
                                        "additionalProperties": {
                                            "type": "array",
                                            "items": {"type": "string"},
                                        },
                                    },
                                },
                            }
                        ),
                    },
                    "404": {"description": "No such public page", **json_content(ERROR)},
                },
            },
        },
        "/comments/token/": {
            "post": {
                "summary": "A form token for posting a comment on a page (never cached)",
                "requestBody": {
                    "required": True,
                    **json_content(
                        {
                            "type": "object",
                            "required": ["page"],
                            "properties": {"page": {"type": "integer"}},
                        }
                    ),
                },
                "responses": {
                    "200": {
                        "description": "The token",
                        **json_content(
                            {
                                "type": "object",
                                "required": ["token"],
                                "properties": {"token": {"type": "string"}},
                            }
                        ),
                    },
                    "400": {"description": "A bad page id", **json_content(ERROR)},
                    "404": {"description": "No such public page", **json_content(ERROR)},
                },
            }
        },
    },
    schemas={"ReaderComment": COMMENT_SCHEMA},
)
