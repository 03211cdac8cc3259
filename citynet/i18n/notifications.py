"""
When a page in the default language is published again after it was translated, the people who
translate it hear about it: by email and on their admin dashboard, with a link to sync
(decision 0122).

Who: the translation's owner, whoever translated its segments, and everyone who says they
translate that language (TranslatorProfile) and may edit the translation. Each translation is
announced once per change: only when this publication is the one that made it outdated.

The emails are sent by the task worker, never in the request that publishes the source: a slow
or stopped mail server neither slows nor breaks publishing, and a send that fails with a network
or SMTP error is queued again later, as comment emails are (decisions 0182, 0240).
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringTranslation, TranslationSource

from . import status
from .models import OutdatedTranslationNotice
from .source_changes import TEXT_CHANGED
from .staff_emails import EMAIL_RETRY_MINUTES, admin_language

logger = logging.getLogger(__name__)


def sync_url(source):
    return settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtail_localize:update_translations", args=[source.pk]
    )


def translators(translation, source):
    """Active users who translate `translation` (a page) and may still edit it."""
    User = get_user_model()
    segment_translators = StringTranslation.objects.filter(
        locale_id=translation.locale_id, translation_of__segments__source=source
    ).values("last_translated_by")
    candidates = User.objects.filter(
        Q(pk=translation.owner_id)
        | Q(pk__in=segment_translators)
        | Q(translator_profile__languages=translation.locale_id),
        is_active=True,
    ).distinct()
    return [user for user in candidates if translation.permissions_for_user(user).can_edit()]


def notify_outdated_translations(page):
    """Tell the translators of each translation that this change to `page`'s text outdated."""
    if page.locale_id != Locale.get_default().pk:
        return
    source = TranslationSource.objects.get_for_instance_or_none(page)
    locales = Locale.objects.exclude(pk=page.locale_id)
    published = PageLogEntry.objects.filter(page=page, action=TEXT_CHANGED).first()
    statuses = status.translation_statuses([page.translation_key], locales)
    newly_outdated = [
        found
        for found in statuses.values()
        if found.status == status.OUTDATED
        and published
        and found.outdated_since == published.timestamp
    ]
    for found in newly_outdated:
        translation = type(page).objects.get(pk=found.page_id)
        for user in translators(translation, source):
            _, created = OutdatedTranslationNotice.objects.update_or_create(
                user=user,
                translation=translation,
                defaults={"source_published_at": found.outdated_since},
            )
            if user.email:
                send_outdated_translation_email.enqueue(user.pk, page.pk, translation.pk)


def send_outdated_email(user, page, translation, source):
    """In the language the translator reads the admin in (decision 0205)."""
    with override(admin_language(user)):
        context = {
            "user": user,
            "source": page,
            "translation": translation,
            "language": translation.locale.get_display_name(),
            "sync_url": sync_url(source) if source else None,
            "edit_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[translation.pk]),
        }
        subject = _('"%(title)s" is out of date: its English source changed') % {
            "title": translation.title
        }
        body = render_to_string("i18n/emails/outdated_translation.txt", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])


@task()
def send_outdated_translation_email(user_id, page_id, translation_id, attempt=1):
    """Composed when the worker runs it, in the recipient's admin language then (0205)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    pages = Page.objects.specific().in_bulk([page_id, translation_id])
    if user is None or not user.email or len(pages) < 2:  # gone meanwhile: nobody to tell
        return
    page, translation = pages[page_id], pages[translation_id]
    source = TranslationSource.objects.get_for_instance_or_none(page)
    try:
        send_outdated_email(user, page, translation, source)
    except (OSError, smtplib.SMTPException):
        retry_later(user_id, page_id, translation_id, attempt)


def retry_later(user_id, page_id, translation_id, attempt):
    if (
        attempt > len(EMAIL_RETRY_MINUTES)
        or not send_outdated_translation_email.get_backend().supports_defer
    ):
        logger.exception("Gave up the outdated-translation email to user %s", user_id)
        return
    delay = datetime.timedelta(minutes=EMAIL_RETRY_MINUTES[attempt - 1])
    logger.warning(
        "The outdated-translation email to user %s failed; retried in %s", user_id, delay
    )
    send_outdated_translation_email.using(run_after=timezone.now() + delay).enqueue(
        user_id, page_id, translation_id, attempt + 1
    )


def notify_outdated_translations_on_commit(page):
    # After the commit: the publication's log entry, which dates the change, exists by then.
    transaction.on_commit(lambda: notify_outdated_translations(page))
