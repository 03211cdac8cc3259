import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from . import keys
from .events import EVENT_CHOICES


def new_message_id():
    return f"msg_{uuid.uuid4().hex}"


class SubscriptionQuerySet(models.QuerySet):
    def wanting(self, event):
        """Active subscriptions to `event` (filtered in Python: SQLite has no JSON contains)."""
        active = self.filter(active=True).prefetch_related("page_types", "locales", "sections")
        return [subscription for subscription in active if event in subscription.events]


class Subscription(models.Model):
    """An external site that wants to hear about changes. An operational record, not content."""

    url = models.URLField(_("target URL"), max_length=2000)
    description = models.CharField(
        _("description"), max_length=255, blank=True, help_text=_("Who receives this.")
    )
    events = models.JSONField(_("events"), default=list)
    page_types = models.ManyToManyField(
        ContentType,
        blank=True,
        related_name="+",
        verbose_name=_("page types"),
        help_text=_("Only pages of these types (page events). None: every type."),
    )
    locales = models.ManyToManyField(
        Locale,
        blank=True,
        related_name="+",
        verbose_name=_("locales"),
        help_text=_("Only these languages. None: every one."),
    )
    sections = models.ManyToManyField(
        Page,
        blank=True,
        related_name="+",
        verbose_name=_("sections"),
        help_text=_("Only pages in these sections, in any language (page events). None: all."),
    )
    active = models.BooleanField(_("active"), default=True)
    secret_encrypted = models.TextField(editable=False)
    previous_secret_encrypted = models.TextField(editable=False, blank=True)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    secret_fingerprint = models.CharField(_("secret fingerprint"), max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(
        _("disabled reason"), max_length=255, blank=True, editable=False
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["url", "pk"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self):
        return self.description or self.url

    def save(self, *args, **kwargs):
        if self.active:  # enabled again: the reason it was disabled no longer holds
            self.disabled_at = None
            self.disabled_reason = ""
        super().save(*args, **kwargs)

    def get_events_display(self):
        return ", ".join(self.events)

    get_events_display.short_description = _("Events")

    def set_new_secret(self, overlap=None):
        """Make a new secret and return it (it is not readable in plain text anywhere else).

        With `overlap`, the old secret keeps signing beside the new one for that long.
        """
        secret = keys.generate_secret()
        if overlap and self.secret_encrypted:
            self.previous_secret_encrypted = self.secret_encrypted
            self.previous_secret_expires_at = timezone.now() + overlap
        else:
            self.previous_secret_encrypted = ""
            self.previous_secret_expires_at = None
        self.secret_encrypted = keys.encrypt(secret)
        self.secret_fingerprint = keys.fingerprint(secret)
        return secret

    def signing_secrets(self):
        """The current secret, then the previous one while its overlap lasts."""
        found = [keys.decrypt(self.secret_encrypted)]
        if self.previous_secret_encrypted and self.previous_secret_expires_at > timezone.now():
            found.append(keys.decrypt(self.previous_secret_encrypted))
        return found

    def disable(self, reason):
        self.active = False
        self.disabled_at = timezone.now()
        self.disabled_reason = reason[:255]
        self.save(update_fields=["active", "disabled_at", "disabled_reason"])

    def matches(self, subject):
        """Whether this subscription's filters let an event about `subject` through."""
        locale_ids = {locale.pk for locale in self.locales.all()}
        if locale_ids and subject.locale_id not in locale_ids:
            return False
        if subject.page is None:  # images and snippets: only the language filter applies
            return True
        page_type_ids = {content_type.pk for content_type in self.page_types.all()}
        if page_type_ids and subject.page.content_type_id not in page_type_ids:
            return False
        sections = list(self.sections.all())
        if sections:
            section_paths = Page.objects.filter(
                translation_key__in=[section.translation_key for section in sections]
            ).values_list("path", flat=True)
            if not any(subject.page.path.startswith(path) for path in section_paths):
                return False
        return True


class DeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now)


class Delivery(models.Model):
    """One event for one subscription. Every attempt sends the same body and webhook-id."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (subscription inactive)")

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscription"),
    )
    message_id = models.CharField("webhook-id", max_length=40, unique=True, default=new_message_id)
    event = models.CharField(_("event"), max_length=40, choices=EVENT_CHOICES)
    body = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhooks_delivery_due")]

    def __str__(self):
        return f"{self.event} {self.message_id}"


class AttemptQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(Q(status_code__isnull=True) | ~Q(status_code__range=(200, 299)))


class Attempt(models.Model):
    """One try at sending a delivery: the delivery log."""

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="attempt_log", verbose_name=_("delivery")
    )
    attempted_at = models.DateTimeField(_("attempted at"), default=timezone.now, db_index=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-attempted_at", "-pk"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self):
        return f"{self.delivery} at {self.attempted_at:%Y-%m-%d %H:%M:%S}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


PRUNE_AFTER = datetime.timedelta(days=30)
