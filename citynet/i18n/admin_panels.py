"""The translator's corner of the admin: their languages (account settings) and, on the
dashboard, the translations they look after that are out of date."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from . import status
from .models import OutdatedTranslationNotice, TranslatorProfile


class TranslatorProfileForm(forms.ModelForm):
    class Meta:
        model = TranslatorProfile
        fields = ["languages"]
        widgets = {"languages": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Locale.objects.exclude(
            pk=Locale.get_default().pk
        ).order_by("language_code")
        self.fields["languages"].label_from_instance = lambda locale: locale.get_display_name()


class TranslationLanguagesPanel(BaseSettingsPanel):
    name = "translation_languages"
    title = _("Translation languages")
    order = 450
    form_class = TranslatorProfileForm

    def is_active(self):
        return self.user.has_perm("wagtail_localize.submit_translation")

    def get_form(self):
        profile = TranslatorProfile.objects.filter(user=self.user).first()
        profile = profile or TranslatorProfile(user=self.user)
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=profile, prefix=self.name)


class OutdatedTranslationsPanel(Component):
    """The user's translations whose source changed since, each with a link to sync it."""

    name = "outdated_translations"
    template_name = "i18n/outdated_translations_panel.html"
    order = 205

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        notices = list(
            OutdatedTranslationNotice.objects.filter(user=user).select_related(
                "translation__locale"
            )[:20]
        )
        statuses = status.translation_statuses(
            {notice.translation.translation_key for notice in notices},
            {notice.translation.locale for notice in notices},
        )
        sources = dict(
            TranslationSource.objects.filter(
                object_id__in={notice.translation.translation_key for notice in notices},
                locale=Locale.get_default(),
            ).values_list("object_id", "pk")
        )
        rows = [
            {"notice": notice, "source_id": sources.get(notice.translation.translation_key)}
            for notice in notices
            if statuses[notice.translation.translation_key, notice.translation.locale_id].status
            == status.OUTDATED
        ]
        return {"rows": rows, "request": parent_context["request"]}
