"""Emails about reader comments: to the commenter (confirm, delete) and to the moderators."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from citynet.editorial.roles import COMMUNICATIONS

from .tokens import CONFIRM_SALT, DELETE_SALT, comment_link_token


def on_site(page, path):
    """A reader's link, on the site the page belongs to (where the reader commented)."""
    return page.get_site().root_url + path


def in_admin(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def email_commenter(comment):
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
    send_mail(subject, body, None, [comment.author_email])


def moderator_emails(page):
    """The page's owner (its author in Wagtail) and the Communications team."""
    User = get_user_model()
    users = User.objects.filter(is_active=True).exclude(email="")
    team = users.filter(groups__name=COMMUNICATIONS)
    owner = users.filter(pk=page.owner_id)
    return sorted(
        set(team.values_list("email", flat=True)) | set(owner.values_list("email", flat=True))
    )


def email_moderators(comment):
    recipients = moderator_emails(comment.page)
    if not recipients:
        return
    context = {
        "comment": comment,
        "page_title": comment.page.title,
        "moderate_url": in_admin(
            reverse("wagtailsnippets_comments_readercomment:inspect", args=[comment.pk])
        ),
    }
    subject = render_to_string("comments/email/held_subject.txt", context).strip()
    body = render_to_string("comments/email/held.txt", context)
    send_mail(subject, body, None, recipients)
