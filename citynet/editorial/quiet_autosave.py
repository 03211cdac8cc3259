"""
No "Bad Request" log line for an autosave of a form that is not valid yet.

Wagtail's autosave posts the editor's form every few seconds and the admin answers 400 while a
required field is still empty, which the editor's indicator shows. Django's request logger logs
every 4xx answer as a warning: one line per autosave of a new page, dozens in a session, which
buried real errors (issue 26). This filter on `django.request` drops only those answers: a 400
to a JSON post (Wagtail's autosave asks for JSON, a Save button for HTML) of an admin create or
edit view. Any other status, or a 400 elsewhere, is still logged (decision 0201).
"""

import logging

AUTOSAVED_VIEWS = {"add", "edit"}
ADMIN_NAMESPACES = ("wagtailadmin_pages", "wagtailsnippets_")


class QuietAutosave(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        return not (
            getattr(record, "status_code", None) == 400
            and request is not None
            and is_autosave(request)
        )


def is_autosave(request):
    match = getattr(request, "resolver_match", None)
    return (
        request.method == "POST"
        and not request.accepts("text/html")
        and match is not None
        and match.url_name in AUTOSAVED_VIEWS
        and match.namespace.startswith(ADMIN_NAMESPACES)
    )
