from django.db import models


class PageSnapshot(models.Model):
    """
    A page's public response (its API detail or its HTML), stored as computed for one URL so
    that a response-cache miss reads one row instead of computing it again (decision 0063).
    Deleted when anything it shows changes, and rebuilt by the task queue.
    """

    url = models.URLField(max_length=2000, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # The live revision the snapshot shows, for inspection: what it shows beyond the page
    # (authors, images, linked pages) is covered by its tags.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.BinaryField()
    headers = models.JSONField()
    tags = models.JSONField()
    last_modified = models.FloatField()
    valid_until = models.FloatField(null=True)
    # settings.RESPONSE_VERSION when it was built: another version's snapshot is not read.
    version = models.CharField(max_length=100, default="")
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.url


class SnapshotTag(models.Model):
    """One cache tag of a snapshot: how a change finds the snapshots it makes stale."""

    snapshot = models.ForeignKey(PageSnapshot, on_delete=models.CASCADE, related_name="tag_rows")
    tag = models.CharField(max_length=255, db_index=True)

    def __str__(self):
        return self.tag


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
