"""
Saves of one page's or snippet's edit form run one at a time (decision 0145).

Wagtail 8 refuses an autosave whose editor is out of date, but it checks and then saves with
nothing in between to stop another save of the same object. An autosave sent a moment before the
author pressed Submit could pass its check before the submission's revision existed and save
after it: the older text then became the latest revision, the one the next editor opens,
approves and publishes. Each edit POST of a page, or of a snippet with revisions (a person's
profile), now runs in a transaction that holds the object's row lock (PostgreSQL; SQLite's
IMMEDIATE transactions lock the whole database), so the second save sees the first and the stale
autosave is refused.

Creating a page had the same gap (decision 0270): two creates under one parent, such as the
autosave that creates a new page and a Save pressed in the same form, or two tabs, both found
the slug free, then both added a child: a duplicate page, or a server error when both took the
same tree path. A create POST holds the parent page's row, so the second create sees the first
page and its form says the slug is in use.
"""

from django.contrib.admin.utils import unquote
from django.db import transaction
from wagtail.models import Page, RevisionMixin

PAGE_EDIT_VIEW = "wagtailadmin_pages:edit"
PAGE_CREATE_VIEW = "wagtailadmin_pages:add"


def locked_rows(request, view_func, view_kwargs):
    """
    The rows (a queryset) that a POST holds while it saves: the object whose revision an edit
    saves, or the parent of a page being created; None for other views.
    """
    view_name = request.resolver_match.view_name
    if view_name == PAGE_EDIT_VIEW:
        return Page.objects.filter(pk=view_kwargs["page_id"])
    if view_name == PAGE_CREATE_VIEW:
        return Page.objects.filter(pk=view_kwargs["parent_page_id"])
    namespace, _colon, action = view_name.partition(":")
    if namespace.startswith("wagtailsnippets_") and action == "edit":
        model = view_func.view_initkwargs.get("model")
        if model is not None and issubclass(model, RevisionMixin):
            return model._default_manager.filter(pk=unquote(str(view_kwargs["pk"])))
    return None


class OneSaveAtATimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        rows = locked_rows(request, view_func, view_kwargs)
        if rows is None:
            return None
        with transaction.atomic():
            list(rows.select_for_update().values_list("pk", flat=True))
            return view_func(request, *view_args, **view_kwargs)
