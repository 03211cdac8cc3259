"""
What happens to a new comment: the rules that decide whether it may be posted and whether it is
published at once or held for moderation. The article form and the API both come here.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from citynet.editorial.roles import COMMUNICATIONS, SECONDEES

from . import limits, tasks
from .models import (
    HELD_AS_NEW,
    HELD_FOR_LINKS,
    HELD_FOR_WORDS,
    ReaderComment,
    ReaderCommentSettings,
)

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


def staff_users():
    User = get_user_model()
    return User.objects.filter(
        Q(is_superuser=True) | Q(is_staff=True) | Q(groups__name__in=STAFF_GROUPS)
    ).distinct()


def normalised(name):
    """A name as people read it: "Comms  TEAM" and "comms team" are the same name."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def is_reserved(name, email):
    """Whether a name or an email belongs to staff: only they, signed in, may use it."""
    staff = staff_users()
    if staff.filter(email__iexact=email.strip()).exists():
        return True
    names = {normalised(name) for name in staff_names(staff)}
    return normalised(name) in names


def staff_names(staff):
    for first, last, username in staff.values_list("first_name", "last_name", "username"):
        yield f"{first} {last}"
        yield username
    # The names staff replies were published under (the team's name, for instance).
    yield from (
        ReaderComment.objects.filter(is_staff_reply=True)
        .values_list("author_name", flat=True)
        .distinct()
    )


def is_trusted(*, email=None, user=None):
    """
    Someone with an approved comment, who proved in this request who they are: signed in (the
    account's comments count), or holding the cookie that confirming their address set (its
    address's confirmed comments count). A typed address proves nothing (docs/comments.md).
    """
    approved = ReaderComment.objects.approved()
    if user is not None:
        return approved.filter(user=user).exists()
    return bool(email) and approved.by_email(email).filter(email_confirmed=True).exists()


def reason_to_hold(text, trusted, comment_settings):
    """Why a reader's comment waits for a moderator, or "" to publish it at once."""
    if len(LINK.findall(text)) > comment_settings.max_links:
        return _(HELD_FOR_LINKS) % {"count": comment_settings.max_links}
    lowered = text.lower()
    if any(word in lowered for word in comment_settings.disallowed_word_list()):
        return _(HELD_FOR_WORDS)
    if not trusted:
        return _(HELD_AS_NEW)
    return ""


def submit(form, *, ip_address, language, confirmed_email=None):
    """
    Validate a bound ReaderCommentForm against every rule and save the comment. The form's user
    is who is signed in; `confirmed_email` is the address the reader's confirmation cookie proves.
    """
    page = form.page
    comment_settings = settings_for(page)
    if not comments_open(page, comment_settings):
        return Outcome(errors={"__all__": [_("Comments are closed on this page.")]})
    if not form.is_valid():
        return Outcome(errors={name: list(errors) for name, errors in form.errors.items()})
    data = form.cleaned_data
    posted = ReaderComment.objects.filter(form_key=data["form_key"]).first()
    if posted is not None:  # the same form sent again: its first answer, and nothing new
        return Outcome(comment=posted)
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
    if not staff and is_reserved(data["author_name"], data["author_email"]):
        return Outcome(
            errors={
                "__all__": [
                    _(
                        "This name or email belongs to a member of the CityNet team. "
                        "Please comment under your own name and email."
                    )
                ]
            }
        )
    if form.user is not None:
        trusted = is_trusted(user=form.user)
    else:
        proven = (confirmed_email or "").lower() == data["author_email"].strip().lower()
        trusted = proven and is_trusted(email=data["author_email"])
    # In the site's language, whatever the reader's: the moderators' emails translate it for each.
    with translation.override(settings.LANGUAGE_CODE):
        held_because = "" if staff else reason_to_hold(data["text"], trusted, comment_settings)
    comment = ReaderComment(
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
        form_key=data["form_key"],
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:  # the same form, sent twice at once: the other request saved it
        return Outcome(comment=ReaderComment.objects.get(form_key=data["form_key"]))
    tasks.queue_emails(comment)
    return Outcome(comment=comment)
