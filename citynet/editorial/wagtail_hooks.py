from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .abandoned_drafts import (
    forget_once_saved,
    free_slug_for_new_page,
    remember_autosaved_new_page,
)
from .concurrent_edits import remember_newer_revision, warn_about_overwrite
from .schedule_guard import keep_schedule_on_create, keep_schedule_on_edit


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.CALENDAR_PERMISSION)


@hooks.register("register_admin_urls")
def register_calendar_urls():
    return [
        path("calendar/", views.calendar_view, name="editorial_calendar"),
        path("calendar/feed/", views.create_feed, name="editorial_calendar_feed_create"),
        path("calendar/feed/revoke/", views.revoke_feed, name="editorial_calendar_feed_revoke"),
    ]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem(
        _("Calendar"), reverse("editorial_calendar"), icon_name="date", order=250
    )


hooks.register("before_create_page", keep_schedule_on_create)
hooks.register("before_edit_page", keep_schedule_on_edit)
hooks.register("before_edit_page", remember_newer_revision)
hooks.register("after_edit_page", warn_about_overwrite)
hooks.register("before_create_page", free_slug_for_new_page)
hooks.register("after_create_page", remember_autosaved_new_page)
hooks.register("after_edit_page", forget_once_saved)


@hooks.register("insert_editor_js")
def follow_own_autosaves():
    return format_html('<script src="{}"></script>', static("editorial/own_autosaves.js"))
