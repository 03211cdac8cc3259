"""Bulk moderation in the reader comments listing: approve or mark as spam in one go."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import ReaderComment


class ModerateBulkAction(SnippetBulkAction):
    models = [ReaderComment]
    template_name = "comments/admin/confirm_bulk_moderation.html"
    status = None

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        pks = [comment.pk for comment in objects]
        return ReaderComment.objects.filter(pk__in=pks).set_status(cls.status), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d reader comment is now %(status)s.",
            "%(count)d reader comments are now %(status)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": ReaderComment.Status(self.status).label}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve_reader_comments"
    aria_label = _("Approve the selected reader comments")
    action_priority = 10
    status = ReaderComment.Status.APPROVED


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Spam")
    action_type = "spam_reader_comments"
    aria_label = _("Mark the selected reader comments as spam")
    action_priority = 20
    status = ReaderComment.Status.SPAM
