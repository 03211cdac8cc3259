"""
What the public may see, decided in one place: live, not under a view restriction (password,
login or group), and not past its expiry time. Every public surface filters with this rather
than `live()` alone, so that an expired page disappears the moment `expire_at` passes, even while
the task worker that unpublishes it is down, and a private page is never linked (decision 0073).
"""

from django.db.models import DateTimeField, Exists, Expression, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction

# Fields editors change while working on drafts: nothing readers see.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def is_draft_save(instance, created=False, update_fields=None):
    """
    A save of a snippet or image that readers cannot see: of draft fields only (a new revision,
    a lock), or creating an object that is not live (a profile translation awaiting approval).
    Publishing and unpublishing save the whole object.
    """
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return True
    return created and not getattr(instance, "live", True)


class TimeOfQuery(Expression):
    """
    The application's clock when the query runs, not when it was built: a queryset built once
    and kept (the API's detail queries, decision 0146) stays right at every run. Django's Now()
    would read the database's clock instead, which the tests' time travel cannot move.
    """

    output_field = DateTimeField()

    def as_sql(self, compiler, connection):
        return "%s", [self.output_field.get_db_prep_value(timezone.now(), connection)]

    def get_group_by_cols(self):
        return []


def not_expired():
    return Q(expire_at__isnull=True) | Q(expire_at__gt=TimeOfQuery())


def under_a_restriction():
    """
    Q: pages at or below a page with a view restriction. Wagtail's `public()` does the same with
    one query for every restriction first; as a subquery it costs no query of its own.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Q(Exists(restricted_ancestor))


def publicly_visible(pages):
    """`pages` (a PageQuerySet) narrowed to what anyone may see."""
    return pages.live().exclude(under_a_restriction()).filter(not_expired())


def publicly_searchable(pages):
    """
    publicly_visible() for a queryset that will be searched: search backends filter only on
    indexed fields, and Wagtail does not index `expire_at`, so go through the (indexed) id.
    """
    visible = publicly_visible(pages.model.objects).values("pk")
    return pages.live().filter(pk__in=visible)
