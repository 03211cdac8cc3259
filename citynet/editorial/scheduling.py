"""
Scheduled publication and expiry, applied by the task worker (see docs/scheduling.md).

Each change is applied in its own transaction that first locks the row and checks again that the
change is still due, so two workers (or a worker and `publish_scheduled`) running at once apply it
exactly once. `exclusive_transaction` makes the transaction exclusive on SQLite, where
`select_for_update` does nothing.
"""

import logging

from django.utils import timezone
from django_tasks_db.utils import exclusive_transaction
from wagtail.models import Page, Revision

logger = logging.getLogger(__name__)


def publish_if_due(revision_id):
    with exclusive_transaction():
        revision = (
            Revision.objects.select_for_update()
            .filter(pk=revision_id, approved_go_live_at__lte=timezone.now())
            .first()
        )
        if revision is None:  # already published, unscheduled or rescheduled
            return False
        revision.publish(log_action="wagtail.publish.scheduled")
    logger.info("Published scheduled revision %s of %s", revision.pk, revision.object_str)
    return True


def expire_if_due(page_id):
    with exclusive_transaction():
        page = (
            Page.objects.select_for_update()
            .filter(pk=page_id, live=True, expire_at__lte=timezone.now())
            .first()
        )
        if page is None:
            return False
        page.specific.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    logger.info("Withdrew expired page %s", page_id)
    return True


def apply_due_changes():
    """Publish every revision whose go-live has passed and withdraw every expired page.

    Returns how many changes this call applied.
    """
    now = timezone.now()
    expiring = Page.objects.filter(live=True, expire_at__lte=now).order_by("expire_at")
    due = Revision.objects.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at")
    applied = sum(expire_if_due(pk) for pk in expiring.values_list("pk", flat=True))
    applied += sum(publish_if_due(pk) for pk in due.values_list("pk", flat=True))
    return applied
