from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_published

from .roles import SECTIONS, grant_section_access
from .tasks import wake_up_at


def grant_access_to_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_section_access(instance, sender._meta.label_lower)


def wake_up_at_go_live(sender, instance, update_fields=None, **kwargs):
    # Wagtail saves only this field when it schedules an approved revision.
    if update_fields and "approved_go_live_at" in update_fields and instance.approved_go_live_at:
        transaction.on_commit(partial(wake_up_at, instance.approved_go_live_at))


def wake_up_at_expiry(sender, instance, **kwargs):
    if instance.expire_at and instance.expire_at > timezone.now():
        transaction.on_commit(partial(wake_up_at, instance.expire_at))


def connect():
    for label in SECTIONS:
        try:
            model = apps.get_model(label)
        except LookupError:  # the plugin is not installed on this site
            continue
        post_save.connect(grant_access_to_new_section, sender=model, dispatch_uid=label)
    post_save.connect(wake_up_at_go_live, sender=Revision)
    page_published.connect(wake_up_at_expiry)
