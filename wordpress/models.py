from django.db import models


class ImportedItem(models.Model):
    """
    What a WordPress export item became here, keyed by the WordPress site and its own id, so
    that a second run of the same export updates instead of creating anything twice.
    """

    class Kind(models.TextChoices):
        POST = "post", "Post"
        ATTACHMENT = "attachment", "Attachment"
        AUTHOR = "author", "Author"
        COMMENT = "comment", "Comment"

    site = models.CharField(max_length=255, help_text="The WordPress blog URL, without scheme.")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    wp_id = models.CharField(max_length=255, help_text="Post or comment id, or author login.")
    object_id = models.PositiveBigIntegerField(
        help_text="The page, image, person or reader comment made of it."
    )
    fingerprint = models.CharField(max_length=64, blank=True, help_text="Of the item last read.")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "wp_id"], name="unique_wordpress_item_per_site"
            )
        ]

    def __str__(self):
        return f"{self.site} {self.kind} {self.wp_id}"
