"""
An admin request speaks the editor's admin language from start to end (decision 0300).

Wagtail turns an editor's preferred language on only while its view runs
(`wagtail.admin.localization.get_localized_response`). When the view refuses (a secondee
opening Move, Delete or Unpublish of a page they may not), Wagtail's `require_admin_access`
catches the `PermissionDenied` after that, outside the editor's language, and writes "Sorry, you
do not have permission to access this area." in the site's language, though every admin
language's catalogue translates it.
"""

from django.urls import reverse
from django.utils import translation


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = admin_language(request)
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            return self.get_response(request)


def admin_language(request):
    """The signed-in editor's admin language, for a request to the admin; else None."""
    if not request.path.startswith(reverse("wagtailadmin_home")):
        return None
    # Wagtail reads the same attribute: the profile, or its absence, is fetched once.
    profile = getattr(request.user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile else None
