from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin import ReaderCommentPermissionPolicy, ReaderCommentViewSet
from .bulk_actions import ApproveBulkAction, SpamBulkAction
from .forms import ReaderCommentForm
from .models import ReaderComment, ReaderCommentSettings
from .moderation import comments_open
from .threads import approved_threads, count_visible

register_permission_policy(ReaderComment, ReaderCommentPermissionPolicy(ReaderComment))
register_snippet(ReaderCommentViewSet)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", SpamBulkAction)


@hooks.register("citynet_page_context")
def add_reader_comments(page, request, context):
    """
    The approved comments and an empty form, on pages that have the per-page switch. Nothing
    here depends on the reader: the form's token comes from the token view (see form.js).
    """
    if not hasattr(page, "reader_comments_open"):
        return
    threads = approved_threads(page.pk)
    context["reader_comments"] = {"threads": threads, "count": count_visible(threads)}
    if not page.reader_comments_open:  # closed by the page: the site's settings do not matter
        return
    comment_settings = ReaderCommentSettings.for_request(request)
    context["reader_comments"] |= {
        "open": comments_open(page, comment_settings),
        "form": ReaderCommentForm(page=page),
        "privacy_notice_url": comment_settings.privacy_notice_url,
        "token_url": f"{reverse('reader_comments:token')}?page={page.pk}",
    }
