from django.conf import settings
from django.db import models
from wagtail.models import Locale


class TranslatorProfile(models.Model):
    """The languages a user translates into: the report's "my languages" and who is notified."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translator_profile"
    )
    languages = models.ManyToManyField(
        Locale,
        blank=True,
        related_name="+",
        verbose_name="languages I translate into",
        help_text="The translation status report can show only these, and you are told when "
        "a page translated into one of them changes.",
    )

    def __str__(self):
        return f"Translation languages of {self.user}"

    @classmethod
    def languages_of(cls, user):
        return Locale.objects.filter(pk__in=cls.objects.filter(user=user).values("languages"))


class OutdatedTranslationNotice(models.Model):
    """Tells a translator in the admin that a page they translate changed in its source."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outdated_translations"
    )
    translation = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    source_published_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "translation"], name="one_notice_per_page")
        ]
        ordering = ["-source_published_at"]

    def __str__(self):
        return f"{self.translation} is outdated (for {self.user})"
