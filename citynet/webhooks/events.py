"""
The events a subscription can ask for, and their thin payloads (docs/webhooks.md).

Each change sends one event. Payloads name the object and say where to read it; they carry only
what was public: the live title and URL of a page, never a draft's (decision 0102).
"""

import dataclasses
import datetime
import json

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

PAGE_PUBLISHED = "page.published"
PAGE_UNPUBLISHED = "page.unpublished"
PAGE_SCHEDULED_PUBLISHED = "page.scheduled_published"
PAGE_EXPIRED = "page.expired"
PAGE_DELETED = "page.deleted"
PAGE_MOVED = "page.moved"
PAGE_TRANSLATION_PUBLISHED = "page.translation_published"
IMAGE_CHANGED = "image.changed"
SNIPPET_CHANGED = "snippet.changed"
PING = "ping"

EVENT_CHOICES = [
    (PAGE_PUBLISHED, _("A page is published")),
    (PAGE_UNPUBLISHED, _("A page is unpublished")),
    (PAGE_SCHEDULED_PUBLISHED, _("A page goes live at its scheduled time")),
    (PAGE_EXPIRED, _("A page expires")),
    (PAGE_DELETED, _("A published page is deleted")),
    (PAGE_MOVED, _("A published page's URL changes")),
    (PAGE_TRANSLATION_PUBLISHED, _("A translation is published")),
    (IMAGE_CHANGED, _("An image is added, changed or deleted")),
    (SNIPPET_CHANGED, _("A person or theme is added, changed or deleted")),
]
SUBSCRIBABLE = [name for name, _label in EVENT_CHOICES]
EVENT_CHOICES.append((PING, _("Test message")))


@dataclasses.dataclass
class Subject:
    """What an event is about: its payload fields, and what subscription filters look at."""

    data: dict
    locale_id: int | None
    page: object = None  # the page, for the page-type and section filters


def api_url(model, pk):
    # Not at the top: the router imports Wagtail's API views, which need the models loaded, and
    # this module is loaded with them (webhooks/models.py).
    from citynet.api.router import api_router

    path = api_router.get_object_detail_urlpath(model, pk)
    if not path:
        return None
    # No request here: the public address if one is set, else the default site's.
    site = Site.objects.filter(is_default_site=True).first()
    base = settings.WAGTAILAPI_BASE_URL or (site.root_url if site else "")
    return base + path


def type_name(model):
    """The object's type as the content API's `meta.type` gives it."""
    return f"{model._meta.app_label}.{model.__name__}"


def page_subject(page, *, revision_id=None, url=None, **extra):
    """A page's public facts: its live title (never the draft title) and its URL."""
    page = page.specific_deferred
    data = {
        "id": page.pk,
        "type": type_name(type(page)),
        "locale": page.locale.language_code,
        "title": page.title,
        "url": url or page.get_full_url(),
        "api_url": api_url(type(page), page.pk),
        "revision_id": revision_id,
        **extra,
    }
    return Subject(data=data, locale_id=page.locale_id, page=page)


def object_subject(instance):
    """An image or a snippet (person, theme): always public while it exists."""
    data = {
        "id": instance.pk,
        "type": type_name(type(instance)),
        "locale": instance.locale.language_code if hasattr(instance, "locale_id") else None,
        "title": str(instance),
        "url": None,
        "api_url": api_url(type(instance), instance.pk),
        "revision_id": None,
    }
    return Subject(data=data, locale_id=getattr(instance, "locale_id", None))


def body(event, data, at=None):
    """The JSON body, in Standard Webhooks' recommended shape: type, timestamp, data."""
    at = at or timezone.now()
    timestamp = at.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return json.dumps({"type": event, "timestamp": timestamp, "data": data}, ensure_ascii=False)
