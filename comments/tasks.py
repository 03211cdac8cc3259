"""
Work on the database task queue that scheduled publishing uses (decision 0041): the emails about
a new comment, retried while the mail server is unreachable (decision 0182), and removing
commenters' IP addresses once they no longer help against abuse, a daily periodic task
(settings.PERIODIC_TASKS).
"""

import datetime
import logging
import smtplib

from django.utils import timezone
from django_tasks import task

from citynet.i18n.staff_emails import EMAIL_RETRY_MINUTES

from . import notifications
from .models import ReaderComment

logger = logging.getLogger(__name__)

IP_RETENTION = datetime.timedelta(days=30)


def forget_old_ip_addresses(now=None):
    """Clear the IP address of every comment older than IP_RETENTION; returns how many."""
    cutoff = (now or timezone.now()) - IP_RETENTION
    old = ReaderComment.objects.filter(created_at__lt=cutoff, ip_address__isnull=False)
    return old.update(ip_address=None)


@task()
def forget_ip_addresses():
    return forget_old_ip_addresses()


EMAILS = {
    "commenter": notifications.commenter_emails,
    "moderators": notifications.moderator_emails,
}


def queue_emails(comment):
    """Each email its own task, so that a retry never sends again what was sent."""
    if comment.user is None:
        send_comment_email.enqueue("commenter", comment.pk)
    if comment.status == ReaderComment.Status.PENDING:
        send_comment_email.enqueue("moderators", comment.pk)


@task()
def send_comment_email(kind, comment_id, attempt=1, unsent=None):
    """
    Compose the email now, in each recipient's language as it is now (decision 0205), and send
    one message per language. A retry goes only to the addresses that the failed send left out.
    """
    comment = ReaderComment.objects.select_related("page").filter(pk=comment_id).first()
    if comment is None:  # deleted meanwhile: nobody to tell
        return
    messages = EMAILS[kind](comment)
    if unsent is not None:
        for message in messages:
            message.to = [address for address in message.to if address in unsent]
    messages = [message for message in messages if message.to]
    for index, message in enumerate(messages):
        try:
            message.send()
        except (OSError, smtplib.SMTPException):
            left = [address for not_sent in messages[index:] for address in not_sent.to]
            retry_later(kind, comment_id, attempt, left)
            return


def retry_later(kind, comment_id, attempt, unsent):
    backend = send_comment_email.get_backend()
    if attempt > len(EMAIL_RETRY_MINUTES) or not backend.supports_defer:
        logger.exception("Gave up the %s email about comment %s", kind, comment_id)
        return
    delay = datetime.timedelta(minutes=EMAIL_RETRY_MINUTES[attempt - 1])
    logger.warning("The %s email about comment %s failed; retried in %s", kind, comment_id, delay)
    send_comment_email.using(run_after=timezone.now() + delay).enqueue(
        kind, comment_id, attempt + 1, unsent
    )
