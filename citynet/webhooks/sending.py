"""
Sending one delivery: claim it, sign it, POST it, record the attempt, and decide what next.

A delivery is claimed by moving its next attempt past the send's own time limit (a lease), in one
conditional UPDATE, so two workers never send it at once; if a worker dies while sending, the
lease runs out and the sweep sends it again, with the same webhook-id (at least once delivery).
"""

import datetime
import email.utils
import http.client
import logging
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from standardwebhooks.webhooks import Webhook

from citynet.i18n.staff_emails import by_admin_language

from . import transport
from .events import PING
from .models import Attempt, Delivery

logger = logging.getLogger(__name__)

# Exponential backoff: 30 s, 1.5 min, 4.5 min, 13.5 min, 40 min, 2 h, 6 h and 18 h after the
# attempts before, about 27 hours in all, each stretched or shrunk by up to a fifth (jitter).
RETRY_DELAYS = [datetime.timedelta(seconds=30 * 3**n) for n in range(8)]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
MAX_RETRY_AFTER = datetime.timedelta(days=1)
USER_AGENT = "CityNet-Webhooks/1.0"


def lease():
    return datetime.timedelta(seconds=settings.WEBHOOKS_TIMEOUT + 60)


def retry_delay(attempts, retry_after=None):
    """How long to wait after the `attempts`-th failed attempt, honouring Retry-After."""
    delay = RETRY_DELAYS[attempts - 1] * random.uniform(0.8, 1.2)  # noqa: S311 (not security)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


def parse_retry_after(value, now):
    if not value:
        return None
    if value.strip().isdigit():
        return datetime.timedelta(seconds=int(value))
    try:
        return max(email.utils.parsedate_to_datetime(value) - now, datetime.timedelta(0))
    except (TypeError, ValueError):
        return None


def signed_headers(delivery, subscription, now):
    signatures = " ".join(
        Webhook(secret).sign(delivery.message_id, now, delivery.body)
        for secret in subscription.signing_secrets()
    )
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signatures,
    }


def claim(delivery_id, now):
    due = Delivery.objects.due(now).filter(pk=delivery_id)
    claimed = due.filter(Q(subscription__active=True) | Q(event=PING)).update(
        next_attempt_at=now + lease(), attempts=F("attempts") + 1
    )
    if not claimed:
        due.update(status=Delivery.Status.SKIPPED)  # still due: its subscription is inactive
    return bool(claimed)


def attempt(delivery_id):
    """Try to send a delivery if it is due; returns the Attempt, or None if not due."""
    now = timezone.now()
    if not claim(delivery_id, now):
        return None
    delivery = Delivery.objects.select_related("subscription").get(pk=delivery_id)
    subscription = delivery.subscription
    record = Attempt(delivery=delivery, attempted_at=now)
    retry_after = None
    retryable = False
    try:
        response = transport.post(
            subscription.url, delivery.body, signed_headers(delivery, subscription, now)
        )
    except transport.Refused as error:
        record.error = f"Refused: {error}"
    except (OSError, http.client.HTTPException) as error:
        record.error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        record.duration_ms = round((timezone.now() - now).total_seconds() * 1000)
        retryable = True
    else:
        record.status_code = response.status
        record.duration_ms = response.duration_ms
        if not record.succeeded:
            record.error = f"HTTP {response.status}: {response.excerpt}"
        retryable = response.status == 429 or response.status >= 500
        retry_after = parse_retry_after(response.headers.get("Retry-After"), now)
    record.error = record.error[:500]
    record.save()
    finish(delivery, record, retryable, retry_after)
    return record


def finish(delivery, record, retryable, retry_after):
    """Record the outcome; a delivery left pending is queued again by its task (tasks.py)."""
    subscription = delivery.subscription
    if record.succeeded:
        delivery.status = Delivery.Status.DELIVERED
    elif retryable and delivery.attempts < MAX_ATTEMPTS:
        delivery.next_attempt_at = record.attempted_at + retry_delay(delivery.attempts, retry_after)
    else:
        delivery.status = Delivery.Status.FAILED
        if delivery.event != PING and (record.status_code == 410 or retryable):
            reason = (
                "The target answered 410 Gone."
                if record.status_code == 410
                else f"{MAX_ATTEMPTS} attempts failed; the last: {record.error}"
            )
            subscription.disable(reason)
            tell_administrators(subscription, reason)
    delivery.save(update_fields=["status", "next_attempt_at"])
    logger.info(
        "Webhook %s to subscription %s: %s",
        delivery.message_id,
        subscription.pk,
        record.status_code or record.error,
    )


def tell_administrators(subscription, reason):
    """One email per admin language among the administrators (decision 0205)."""
    administrators = (
        get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    )
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "webhook_subscriptions:edit", args=[subscription.pk]
    )
    for language, users in by_admin_language(administrators):
        with override(language):
            subject = _("Webhook subscription disabled: %(url)s") % {"url": subscription.url}
            body = _(
                "The webhook subscription to %(url)s was disabled.\n\n%(reason)s\n\n"
                "Check the receiver, then enable the subscription again and redeliver what it "
                "missed from the delivery log: %(edit_url)s"
            ) % {"url": subscription.url, "reason": reason, "edit_url": edit_url}
        send_mail(subject, body, None, [user.email for user in users])
