"""Settings → Webhooks and Settings → Webhook log, for administrators (decision 0104)."""

from functools import partial

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .forms import SubscriptionForm
from .models import Attempt, Subscription


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    name = "webhook_subscriptions"
    url_prefix = "webhooks"
    menu_label = _("Webhooks")
    icon = "link-external"
    add_to_settings_menu = True
    list_display = [
        "url",
        "description",
        "get_events_display",
        BooleanColumn("active", label=_("Active")),
        "disabled_reason",
        "secret_fingerprint",
    ]
    list_filter = ["active"]
    copy_view_enabled = False
    add_view_class = views.SubscriptionCreateView
    index_view_class = views.SubscriptionIndexView

    def get_form_class(self, for_update=False):
        return SubscriptionForm

    def get_urlpatterns(self):
        rotate = partial(views.rotate_secret, self.permission_policy)
        return [*super().get_urlpatterns(), path("rotate/<int:pk>/", rotate, name="rotate")]


class DeliveryLogViewSet(ModelViewSet):
    model = Attempt
    name = "webhook_log"
    url_prefix = "webhooks/log"
    menu_label = _("Webhook log")
    icon = "list-ul"
    add_to_settings_menu = True
    list_display = [
        "attempted_at",
        Column(
            "subscription",
            label=_("Subscription"),
            accessor="delivery.subscription",
            sort_key="delivery__subscription",
            classname="webhook-subscription",
        ),
        Column(
            "event",
            label=_("Event"),
            accessor="delivery.get_event_display",
            sort_key="delivery__event",
        ),
        Column(
            "message_id",
            label=_("Webhook-id"),
            accessor="delivery.message_id",
            classname="webhook-id",
        ),
        Column("status_code", label=_("Status"), sort_key="status_code"),
        Column("duration_ms", label=_("Duration (ms)"), sort_key="duration_ms"),
        Column("error", label=_("Error"), classname="webhook-error"),
    ]
    list_filter = ["delivery__subscription", "delivery__event", "status_code"]
    index_view_class = views.DeliveryLogIndexView
    index_template_name = "webhooks/delivery_log.html"
    add_to_reference_index = False

    def get_urlpatterns(self):
        redeliver = partial(views.redeliver, self.permission_policy)
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("redeliver/<int:pk>/", redeliver, name="redeliver"),
        ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [SubscriptionViewSet(), DeliveryLogViewSet()]
