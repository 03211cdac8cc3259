from django.db import models


class Invalidation(models.Model):
    """
    The cache tags a change made stale, written in the change's own transaction and deleted once
    the response cache and the CDN have both taken them (decision 0155): a Redis or a CDN that
    cannot be reached at that moment delays an invalidation, and cannot lose it.
    """

    tags = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return " ".join(self.tags)
