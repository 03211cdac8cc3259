"""
When the database cannot be reached, say so instead of failing with a 500: readers get a 503 with
Retry-After (a plain page, or a JSON problem on the APIs) that caches and crawlers understand as
temporary, and editors in the admin are told what is wrong and that nothing was saved
(decision 0076). Cached pages still come from the cache while it is up.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from citynet.wagtail_internals import api_problem

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
READER_MESSAGE = "CityNet is briefly unavailable. Please try again in a minute."
EDITOR_MESSAGE = (
    "The CMS cannot reach its database, so nothing from this request was saved. "
    "Try again in a minute; if this persists, the database server is down or unreachable: "
    "tell the site's administrators."
)
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
<body><h1>Temporarily unavailable</h1><p>{message}</p></body></html>
"""


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", exception)
        if request.path.startswith("/api/"):
            response = api_problem(503, READER_MESSAGE)
        else:
            is_admin = request.path.startswith(("/admin/", "/django-admin/"))
            message = EDITOR_MESSAGE if is_admin else READER_MESSAGE
            response = HttpResponse(PAGE.format(message=message), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
