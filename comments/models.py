"""
Reader comments: what readers write under articles and programs, moderated by the
Communications team. Not to be confused with Wagtail's editor comments (wagtail.models.Comment),
which editors leave on drafts.
"""

import functools
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from citynet.compiled import Argument, CompiledOnce

from .caching import show_comment_changes

MAX_DEPTH = 3  # a comment, a reply and a reply to the reply
MAX_LENGTH = 3000
# Why a comment waits for a moderator (comments/moderation.py chooses), stored in the site's
# language and shown in each reader's (decision 0296).
HELD_FOR_LINKS = gettext_noop("more than %(count)d links")
HELD_FOR_WORDS = gettext_noop("contains a disallowed word")
HELD_AS_NEW = gettext_noop("new or unconfirmed commenter")


class ReaderCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReaderComment.Status.APPROVED)

    def by_email(self, email):
        return self.filter(author_email__iexact=email.strip())

    def set_status(self, status):
        """Moderate several comments at once; public pages show the change at once."""
        changes_public = self.filter(status=ReaderComment.Status.APPROVED).exists()
        pages = list(Page.objects.filter(pk__in=self.values("page_id")))
        count = self.update(status=status)
        if changes_public or status == ReaderComment.Status.APPROVED:
            show_comment_changes(pages)
        return count


class ReaderComment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="reader_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    author_name = models.CharField(_("name"), max_length=100)
    author_email = models.EmailField(_("email"), help_text=_("Never shown."))
    author_url = models.URLField(_("website"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reader_comments",
    )
    is_staff_reply = models.BooleanField(_("staff reply"), default=False)
    text = models.TextField(_("comment"), max_length=MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    email_confirmed = models.BooleanField(default=False, editable=False)
    held_because = models.CharField(max_length=200, blank=True, editable=False)
    # Kept only while it helps against abuse; cleared by a scheduled task (comments/tasks.py).
    ip_address = models.GenericIPAddressField(null=True, blank=True, editable=False)
    language = models.CharField(max_length=10, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The key of the form token that posted it: one comment per token (comments/tokens.py).
    # NULL for staff replies and older comments: NULLs may repeat in a unique column, "" not.
    form_key = models.CharField(max_length=32, unique=True, null=True, editable=False)  # noqa: DJ001

    objects = ReaderCommentQuerySet.as_manager()

    panels = [FieldPanel("status"), FieldPanel("text")]

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["page", "status"])]
        verbose_name = _("reader comment")
        verbose_name_plural = _("reader comments")

    def __str__(self):
        return f"{self.author_name}: {Truncator(self.text).chars(60)}"

    def save(self, *args, **kwargs):
        self.depth = self.parent.depth + 1 if self.parent_id else 1
        super().save(*args, **kwargs)
        if self.Status.APPROVED in (self.status, getattr(self, "_saved_status", None)):
            show_comment_changes([self.page])
        self._saved_status = self.status

    def delete(self, *args, **kwargs):
        was_public = self.status == self.Status.APPROVED
        result = super().delete(*args, **kwargs)
        if was_public:
            show_comment_changes([self.page])
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_status = instance.__dict__.get("status")
        return instance

    def clean(self):
        if self.parent_id and self.parent.page_id != self.page_id:
            raise ValidationError({"parent": _("A reply must be on the same page.")})
        if self.parent_id and self.parent.depth >= MAX_DEPTH:
            raise ValidationError({"parent": _("Replies go at most three levels deep.")})

    def get_held_because_display(self):
        """Why the comment is held, in the active language; a reason of other origin as stored."""
        stored = self.held_because
        with translation.override(settings.LANGUAGE_CODE):
            links = re.escape(gettext(HELD_FOR_LINKS)).replace(re.escape("%(count)d"), r"(\d+)")
            counted = re.fullmatch(links, stored)
            reason = next((r for r in (HELD_FOR_WORDS, HELD_AS_NEW) if gettext(r) == stored), None)
        if counted:
            return gettext(HELD_FOR_LINKS) % {"count": int(counted[1])}
        return gettext(reason) if reason else stored

    @property
    def html(self):
        """The text escaped, with http(s) links made into links nobody's ranking gains from."""
        linked = urlize(self.text, nofollow=True, autoescape=True)
        linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc noopener"')
        return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308 (escaped by urlize)

    @property
    def can_have_replies(self):
        return self.depth < MAX_DEPTH


@register_setting(icon="comment")
class ReaderCommentSettings(BaseSiteSetting):
    """How reader comments are moderated on a site. Edited by the Communications team."""

    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=30,
        help_text=_("Days after first publication; 0 keeps comments open."),
    )
    max_links = models.PositiveSmallIntegerField(
        _("maximum links"),
        default=2,
        help_text=_("A comment with more links than this is held for moderation."),
    )
    disallowed_words = models.TextField(
        _("disallowed words"),
        blank=True,
        help_text=_("One word or phrase per line; a comment containing one is held."),
    )

    privacy_notice_url = models.CharField(
        _("privacy notice link"),
        max_length=255,
        blank=True,
        help_text=_("Linked from the consent line under the form: a path or a full URL."),
    )

    class Meta:
        verbose_name = _("reader comment settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's, read by a query compiled once: every article and program page reads it."""
        if site is not None and (found := settings_of_site().run(site_id=site.pk)):
            return found[0]
        return super().for_site(site)  # created at its first use, as Wagtail does

    def disallowed_word_list(self):
        return [line.strip().lower() for line in self.disallowed_words.splitlines() if line.strip()]


@functools.cache
def settings_of_site():
    """Built at its first use, once the models are loaded; compiled once (decision 0400)."""
    return CompiledOnce(ReaderCommentSettings.objects.filter(site_id=Argument("site_id")))
