"""
What happens to a new comment: the rules that decide whether it may be posted and whether it is
published at once or held for moderation. The article form and the API both come here.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from citynet.editorial.roles import COMMUNICATIONS, SECONDEES

from . import limits, notifications
from .models import ReaderComment, ReaderCommentSettings

LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
STAFF_GROUPS = (SECONDEES, COMMUNICATIONS)


@dataclass
class Outcome:
    comment: ReaderComment | None = None
    errors: dict = field(default_factory=dict)  # field name (or "__all__") -> messages

    @property
    def message(self):
        if self.errors:
            return " ".join(message for messages in self.errors.values() for message in messages)
        if self.comment.status == ReaderComment.Status.APPROVED:
            return _("Thank you: your comment is published.")
        return _("Thank you: your comment awaits moderation.")


def settings_for(page):
    site = page.get_site()
    return ReaderCommentSettings.for_site(site) if site else ReaderCommentSettings()


def comments_open(page, comment_settings, now=None):
    """Whether readers may comment: the page allows it and it is not too old (site setting)."""
    if not (page.live and getattr(page.specific, "reader_comments_open", False)):
        return False
    days = comment_settings.close_after_days
    published = page.first_published_at
    if days and published:
        return (now or timezone.now()) < published + timedelta(days=days)
    return True


def is_staff(user):
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()


def is_trusted(email):
    """Someone with an approved comment who confirmed their email through the emailed link."""
    return ReaderComment.objects.approved().by_email(email).filter(email_confirmed=True).exists()


def reason_to_hold(text, email, comment_settings):
    """Why a reader's comment waits for a moderator, or "" to publish it at once."""
    if len(LINK.findall(text)) > comment_settings.max_links:
        return _("more than %(count)d links") % {"count": comment_settings.max_links}
    lowered = text.lower()
    if any(word in lowered for word in comment_settings.disallowed_word_list()):
        return _("contains a disallowed word")
    if not is_trusted(email):
        return _("new or unconfirmed commenter")
    return ""


def submit(form, *, ip_address, language):
    """Validate a bound ReaderCommentForm against every rule and save the comment."""
    page = form.page
    comment_settings = settings_for(page)
    if not comments_open(page, comment_settings):
        return Outcome(errors={"__all__": [_("Comments are closed on this page.")]})
    if not form.is_valid():
        return Outcome(errors={name: list(errors) for name, errors in form.errors.items()})
    data = form.cleaned_data
    if (ip_address and limits.exceeded("ip", ip_address, limits.PER_IP)) or limits.exceeded(
        "email", data["author_email"], limits.PER_EMAIL
    ):
        return Outcome(
            errors={
                "__all__": [
                    _("You have sent several comments in a short time. Please wait a few minutes.")
                ]
            }
        )
    staff = is_staff(form.user)
    held_because = (
        "" if staff else reason_to_hold(data["text"], data["author_email"], comment_settings)
    )
    comment = ReaderComment.objects.create(
        page=page,
        parent=data["parent"],
        author_name=data["author_name"],
        author_email=data["author_email"],
        author_url=data["author_url"],
        user=form.user,
        is_staff_reply=staff,
        text=data["text"],
        status=ReaderComment.Status.PENDING if held_because else ReaderComment.Status.APPROVED,
        email_confirmed=bool(form.user),  # an account's email is confirmed already
        held_because=held_because,
        ip_address=ip_address or None,
        language=language,
    )
    notifications.comment_received(comment)
    return Outcome(comment=comment)
