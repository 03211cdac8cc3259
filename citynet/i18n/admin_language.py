"""
An admin request speaks the editor's admin language from start to end (decision 0300).

Wagtail turns an editor's preferred language on only while its view runs
(`wagtail.admin.localization.get_localized_response`). When the view refuses (a secondee
opening Move, Delete or Unpublish of a page they may not), Wagtail's `require_admin_access`
catches the `PermissionDenied` after that, outside the editor's language, and writes "Sorry, you
do not have permission to access this area." in the site's language, though every admin
language's catalogue translates it.

An editor who chose no admin language gets their browser's, as in Wagtail, but not the language
of the last article they read: the reader's language cookie (decision 0196, for the sign-in
pages) would otherwise turn the admin Korean after a Korean article.
"""

from types import SimpleNamespace

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
    if profile and profile.preferred_language:
        return profile.preferred_language
    # Wagtail then takes the request's language (its view checks it is an admin language).
    return translation.get_language_from_request(SimpleNamespace(COOKIES={}, META=request.META))
