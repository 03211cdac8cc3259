"""
What the public may see, decided in one place: live, not under a view restriction (password,
login or group), and not past its expiry time. Every public surface filters with this rather
than `live()` alone, so that an expired page disappears the moment `expire_at` passes, even while
the task worker that unpublishes it is down, and a private page is never linked (decision 0073).
"""

from django.db.models import Q
from django.utils import timezone


def not_expired():
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def publicly_visible(pages):
    """`pages` (a PageQuerySet) narrowed to what anyone may see."""
    return pages.live().public().filter(not_expired())


def publicly_searchable(pages):
    """
    publicly_visible() for a queryset that will be searched: search backends filter only on
    indexed fields, and Wagtail does not index `expire_at`, so go through the (indexed) id.
    """
    unexpired = pages.model.objects.filter(not_expired()).values("pk")
    return pages.live().public().filter(pk__in=unexpired)
