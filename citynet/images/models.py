from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """
    Wagtail's image with the caption and credit that every published photo needs.
    Alt text is Wagtail's own `description` field, relabelled, so rich text and choosers use it.
    """

    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        default="",
        help_text="What the photo shows, for people who cannot see it. Defaults to the title.",
    )
    caption = models.CharField(max_length=255, blank=True)
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text='Shown with the photo, e.g. "Photo: courtesy of CityNet".',
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]

    @property
    def alt_text(self):
        return self.default_alt_text


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HeroCaptionMixin(models.Model):
    """
    A page's own caption for its hero image. A text field of the page, so wagtail-localize
    translates it with the page, while the image itself (shared by every language) is synced.
    """

    hero_caption = models.CharField(
        max_length=255,
        blank=True,
        help_text="What the photo shows on this page, translated with it. "
        "Leave empty to use the image's own caption.",
    )

    class Meta:
        abstract = True

    @property
    def hero_image_caption(self):
        """The caption shown with the hero image: the page's own, else the image's."""
        if self.hero_image is None:
            return ""
        return self.hero_caption or self.hero_image.caption
