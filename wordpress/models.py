from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """
    What a WordPress export item became here, keyed by the WordPress site and its own id, so
    that a second run of the same export updates instead of creating anything twice.
    """

    class Kind(models.TextChoices):
        POST = "post", _("Post")
        ATTACHMENT = "attachment", _("Attachment")
        AUTHOR = "author", _("Author")
        COMMENT = "comment", _("Comment")

    site = models.CharField(
        _("site"), max_length=255, help_text=_("The WordPress blog URL, without scheme.")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    wp_id = models.CharField(
        _("WordPress id"), max_length=255, help_text=_("Post or comment id, or author login.")
    )
    object_id = models.PositiveBigIntegerField(
        _("object id"), help_text=_("The page, image, person or reader comment made of it.")
    )
    fingerprint = models.CharField(
        _("fingerprint"), max_length=64, blank=True, help_text=_("Of the item last read.")
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "wp_id"], name="unique_wordpress_item_per_site"
            )
        ]

    def __str__(self):
        return f"{self.site} {self.kind} {self.wp_id}"
