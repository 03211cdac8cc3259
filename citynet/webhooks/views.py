"""Admin views: subscriptions (the secret shown once) and the delivery log with redelivery."""

import datetime
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.admin.views import generic
from wagtail.admin.widgets import ListingButton

from .models import Delivery, Subscription
from .tasks import queue

ROTATION_OVERLAP_HOURS = 24


def show_secret(request, subscription, secret, heading):
    response = TemplateResponse(
        request,
        "webhooks/secret.html",
        {
            "page_title": heading,
            "header_icon": "key",
            "subscription": subscription,
            "secret": secret,
            "overlap_hours": ROTATION_OVERLAP_HOURS,
            "index_url": reverse("webhook_subscriptions:index"),
        },
    )
    add_never_cache_headers(response)
    return response


class SubscriptionCreateView(generic.CreateView):
    def save_instance(self):
        self.secret = self.form.instance.set_new_secret()
        return super().save_instance()

    def save_action(self):
        heading = _("Webhook subscription created")
        return show_secret(self.request, self.object, self.secret, heading)


class SubscriptionIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            url = reverse("webhook_subscriptions:rotate", args=[instance.pk])
            buttons.append(ListingButton(_("Rotate secret"), url=url, icon_name="key", priority=25))
        return buttons


def rotate_secret(permission_policy, request, pk):
    """GET asks to confirm; POST makes a new secret, signs with both for a day, shows it once."""
    if not permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    subscription = get_object_or_404(Subscription, pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "webhooks/rotate.html",
            {
                "page_title": _("Rotate secret"),
                "header_icon": "key",
                "subscription": subscription,
                "overlap_hours": ROTATION_OVERLAP_HOURS,
            },
        )
    secret = subscription.set_new_secret(overlap=datetime.timedelta(hours=ROTATION_OVERLAP_HOURS))
    subscription.save()
    return show_secret(request, subscription, secret, _("New webhook secret"))


class DeliveryLogIndexView(generic.IndexView):
    """Attempts, newest first. The log is read-only; a delivery can be sent again."""

    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("delivery__subscription")

    def get_list_more_buttons(self, instance):
        url = reverse("webhook_log:redeliver", args=[instance.delivery_id])
        return [ListingButton(_("Redeliver"), url=url, icon_name="resubmit", priority=10)]


def redeliver(permission_policy, request, pk):
    """Send a delivery again with the same webhook-id, with a fresh series of retries."""
    if not permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery.objects.select_related("subscription"), pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "webhooks/redeliver.html",
            {"page_title": _("Redeliver"), "header_icon": "resubmit", "delivery": delivery},
        )
    if not delivery.subscription.active:
        messages.error(request, _("The subscription is disabled: enable it first."))
        return redirect("webhook_log:index")
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=delivery.created_at
        )
        transaction.on_commit(partial(queue, delivery.pk))
    messages.success(
        request,
        _("%(event)s %(message_id)s queued for redelivery.")
        % {"event": delivery.event, "message_id": delivery.message_id},
    )
    return redirect("webhook_log:index")
