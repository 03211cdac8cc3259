import hashlib
import secrets

from django.conf import settings
from django.db import models


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedQuerySet(models.QuerySet):
    def for_token(self, token):
        """The feed whose secret is `token`, if its owner may still see the calendar."""
        feed = self.select_related("user").filter(token_hash=hash_token(token)).first()
        if feed and feed.user.is_active and feed.user.has_perm("editorial.view_calendar"):
            return feed
        return None


class CalendarFeed(models.Model):
    """A user's secret iCal subscription. Only a hash of the secret is stored."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        permissions = [("view_calendar", "Can see the publication calendar")]

    def __str__(self):
        return f"Calendar feed of {self.user}"

    @classmethod
    def issue(cls, user):
        """Create or replace the user's feed; returns the secret, which is shown once."""
        token = secrets.token_urlsafe(32)
        cls.objects.update_or_create(user=user, defaults={"token_hash": hash_token(token)})
        return token


class AutosavedNewPage(models.Model):
    """
    A page that autosave created and that nobody has saved, submitted or published since: if
    its tab was abandoned, its slug goes to the next new page (decision 0206).
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    def __str__(self):
        return f"Page {self.page_id}, created by autosave"
