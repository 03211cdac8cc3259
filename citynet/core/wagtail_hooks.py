from django.http import Http404
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def citynet_admin_colours():
    """CityNet's navy and blue instead of Wagtail's teal (decision 0132)."""
    return format_html('<link rel="stylesheet" href="{}">', static("citynet/admin.css"))


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    """
    A page past its expiry time is gone for readers now, not when the task worker gets round to
    unpublishing it (decision 0073). Previews do not pass through here.
    """
    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404
