"""
Saves of one page's edit form run one at a time (decision 0145).

Wagtail 8 refuses an autosave whose editor is out of date, but it checks and then saves with
nothing in between to stop another save of the same page. An autosave sent a moment before the
author pressed Submit could pass its check before the submission's revision existed and save
after it: the older text then became the page's latest revision, the one the next editor opens,
approves and publishes. Each edit POST now runs in a transaction that holds the page's row lock
(PostgreSQL; SQLite's IMMEDIATE transactions lock the whole database), so the second save sees
the first and the stale autosave is refused.
"""

from django.db import transaction
from wagtail.models import Page

EDIT_VIEW = "wagtailadmin_pages:edit"


class OneSaveAtATimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.view_name != EDIT_VIEW:
            return None
        with transaction.atomic():
            locked = Page.objects.select_for_update().filter(pk=view_kwargs["page_id"])
            list(locked.values_list("pk", flat=True))
            return view_func(request, *view_args, **view_kwargs)
