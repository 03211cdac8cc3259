"""
Turning an event into deliveries: one row per matching subscription, written in the same
transaction as the change itself (so a rolled-back change sends nothing and a committed one
cannot be lost), and handed to the task queue once that transaction commits.
"""

from functools import partial

from django.db import transaction

from .events import body
from .models import Delivery, Subscription
from .tasks import queue


def emit(event, make_subject):
    """Record a delivery of `event` for each subscription that wants it; returns them.

    `make_subject()` builds the payload, or returns None if the object is not public; it runs
    only when some subscription wants the event, so sites without any pay one query.
    """
    subscriptions = Subscription.objects.wanting(event)
    subject = make_subject() if subscriptions else None
    if subject is None:
        return []
    subscriptions = [s for s in subscriptions if s.matches(subject)]
    text = body(event, subject.data)
    deliveries = Delivery.objects.bulk_create(
        Delivery(subscription=subscription, event=event, body=text)
        for subscription in subscriptions
    )
    for delivery in deliveries:
        transaction.on_commit(partial(queue, delivery.pk))
    return deliveries


def ping(subscription):
    """A `ping` to one subscription (`manage.py webhooks test`), whatever its events."""
    delivery = Delivery.objects.create(
        subscription=subscription,
        event="ping",
        body=body("ping", {"subscription_id": subscription.pk}),
    )
    transaction.on_commit(partial(queue, delivery.pk))
    return delivery
