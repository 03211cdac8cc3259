"""
Emails about reader comments: to the commenter (confirm, delete) and to the moderators. Each
function composes the messages, in their recipients' languages; comments.tasks sends them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from citynet.editorial.roles import COMMUNICATIONS
from citynet.i18n.staff_emails import by_admin_language

from .tokens import CONFIRM_SALT, DELETE_SALT, comment_link_token


def on_site(page, path):
    """A reader's link, on the site the page belongs to (where the reader commented)."""
    return page.get_site().root_url + path


def in_admin(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def commenter_emails(comment):
    """The links to confirm the address and to delete the comment, in the reader's language."""
    with translation.override(comment.language or settings.LANGUAGE_CODE):
        context = {
            "comment": comment,
            "page_title": comment.page.title,
            "confirm_url": None
            if comment.email_confirmed
            else on_site(
                comment.page,
                reverse(
                    "reader_comments:confirm", args=[comment_link_token(comment, CONFIRM_SALT)]
                ),
            ),
            "delete_url": on_site(
                comment.page,
                reverse("reader_comments:delete", args=[comment_link_token(comment, DELETE_SALT)]),
            ),
        }
        subject = render_to_string("comments/email/commenter_subject.txt", context).strip()
        body = render_to_string("comments/email/commenter.txt", context)
    return [EmailMessage(subject, body, None, [comment.author_email])]


def moderators(page):
    """The page's owner (its author in Wagtail) and the Communications team."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(groups__name=COMMUNICATIONS) | Q(pk=page.owner_id))
        .distinct()
        .order_by("email")
    )


def moderator_emails(comment):
    """One message per admin language among the moderators, each in its language."""
    context = {
        "comment": comment,
        "page_title": comment.page.title,
        "moderate_url": in_admin(
            reverse("wagtailsnippets_comments_readercomment:inspect", args=[comment.pk])
        ),
    }
    messages = []
    for language, users in by_admin_language(moderators(comment.page)):
        with translation.override(language):
            subject = render_to_string("comments/email/held_subject.txt", context).strip()
            body = render_to_string("comments/email/held.txt", context)
        messages.append(EmailMessage(subject, body, None, [user.email for user in users]))
    return messages
