"""Settings → Webhooks and Settings → Webhook log, for administrators (decision 0104)."""

from functools import partial

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .forms import SubscriptionForm
from .models import Attempt, Subscription


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    name = "webhook_subscriptions"
    url_prefix = "webhooks"
    menu_label = "Webhooks"
    icon = "link-external"
    add_to_settings_menu = True
    list_display = [
        "url",
        "description",
        "get_events_display",
        BooleanColumn("active"),
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
    menu_label = "Webhook log"
    icon = "list-ul"
    add_to_settings_menu = True
    list_display = [
        "attempted_at",
        "delivery__subscription",
        "delivery__event",
        "delivery__message_id",
        "status_code",
        "duration_ms",
        "error",
    ]
    list_filter = ["delivery__subscription", "delivery__event", "status_code"]
    index_view_class = views.DeliveryLogIndexView
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
