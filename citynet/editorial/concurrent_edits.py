"""
Warn when a manual save replaces a version that someone else saved after the editor opened the
page. Wagtail 8 refuses such saves only for autosave; a manual save goes through and would
silently win. The save still creates a new revision, so both versions stay in the history; the
warning names who saved in between and links to the comparison.
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def newer_revision(request, page):
    """
    The revision saved by someone else (or in another tab) since this edit form was loaded, if
    any. The form's loaded revision follows its own autosaves (static/editorial/own_autosaves.js).
    An autosave overwrites its tab's revision in place: the same revision with a newer time is
    an autosave of this user's, still in flight when they pressed Save, unless someone else's.
    """
    latest = page.latest_revision
    own_autosave = request.POST.get("overwrite_revision_id")
    loaded = own_autosave or request.POST.get("loaded_revision_id")
    if latest is None or not loaded:
        return None
    if loaded != str(latest.pk):
        return latest
    overwritten_since = request.POST.get("loaded_revision_created_at") != (
        latest.created_at.isoformat()
    )
    if not own_autosave and overwritten_since and latest.user_id != request.user.pk:
        return latest
    return None


def remember_newer_revision(request, page):
    if request.method == "POST":
        request.citynet_newer_revision = newer_revision(request, page)


def warn_about_overwrite(request, page):
    overwritten = getattr(request, "citynet_newer_revision", None)
    if overwritten is None or page.latest_revision_id == overwritten.pk:
        return  # nothing was saved on top of the other version
    compare_url = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, overwritten.pk, page.latest_revision_id],
    )
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            overwrite_message(request, overwritten),
            compare_url,
            _("Compare the two versions."),
        ),
    )


def overwrite_message(request, overwritten):
    # Named as Wagtail's editing-sessions dialog names them: by full name.
    time = localtime(overwritten.created_at).strftime("%H:%M:%S")
    if overwritten.user_id == request.user.pk:
        return _(
            "You saved this page in another tab at %(time)s. Your save replaced that version; "
            "both are kept in the history."
        ) % {"time": time}
    user = overwritten.user
    return _(
        "%(user)s saved this page at %(time)s while you were editing it. Your save "
        "replaced their version; both are kept in the history."
    ) % {
        "user": (user.get_full_name() or user.get_username()) if user else _("Someone"),
        "time": time,
    }
