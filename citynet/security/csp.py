"""
A Content-Security-Policy on every response (django-csp, decision 0074), in three strengths:

- machine-read responses (APIs, feeds, sitemap, calendar): `default-src 'none'`, since nothing
  in them is ever meant to run or load;
- the public site (settings.CONTENT_SECURITY_POLICY): only its own scripts, styles and images,
  plus embedded videos;
- the Wagtail admin and its previews: Wagtail's own templates write inline scripts (inline
  panels, date pickers) and styles, so those are allowed there, still from no other origin;
- the v3 API's interactive docs: the viewer's script, styles and icons from the site itself
  (django-ninja's copy of Swagger UI, decision 0161) and its requests for the description.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

API_DOCS_PREFIXES = ("/api/v3/docs/",)
MACHINE_READ_PREFIXES = ("/api/", "/feeds/", "/sitemap.xml", "/calendar/")
ADMIN_PREFIXES = ("/admin/", "/django-admin/")

MACHINE_READ = {
    "default-src": [NONE],
    "frame-ancestors": [NONE],
    "base-uri": [NONE],
    "form-action": [NONE],
}

API_DOCS = {
    **MACHINE_READ,
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "connect-src": [SELF],
}


def admin_policy(site_directives):
    """The site's policy, loosened only as far as the Wagtail admin needs."""
    return {
        **site_directives,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*site_directives["img-src"], "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [*site_directives["frame-src"], "blob:"],
    }


class CityNetCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        path = request.path_info
        if path.startswith(API_DOCS_PREFIXES):
            parts.config = API_DOCS
        elif path.startswith(MACHINE_READ_PREFIXES):
            parts.config = MACHINE_READ
        elif path.startswith(ADMIN_PREFIXES):
            parts.config = admin_policy(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
