"""
Only people who may publish a page may schedule it. Wagtail hides the scheduling dialog from
everyone else but still accepts `go_live_at` and `expire_at` from their form posts, and a revision
carrying them is scheduled when a reviewer approves it. These hooks put back the page's current
values whenever someone without publish rights posts the form.
"""

from django.utils import timezone

SCHEDULE_FIELDS = ("go_live_at", "expire_at")


def as_form_value(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def keep_schedule(request, page_values):
    request.POST = request.POST.copy()
    for field in SCHEDULE_FIELDS:
        request.POST[field] = as_form_value(page_values.get(field))


def keep_schedule_on_edit(request, page):
    if request.method == "POST" and not page.permissions_for_user(request.user).can_publish():
        keep_schedule(request, {field: getattr(page, field) for field in SCHEDULE_FIELDS})


def keep_schedule_on_create(request, parent_page, page_class):
    if (
        request.method == "POST"
        and not parent_page.permissions_for_user(request.user).can_publish_subpage()
    ):
        keep_schedule(request, {})
