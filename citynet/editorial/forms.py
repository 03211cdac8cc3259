from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .calendar import section_pages


class CalendarFilterForm(forms.Form):
    section = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Section"), empty_label=_("All sections")
    )
    locale = forms.ModelChoiceField(
        queryset=Locale.objects.order_by("language_code"),
        to_field_name="language_code",
        required=False,
        label=_("Language"),
        empty_label=_("All languages"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = section_pages()
        self.fields["section"].queryset = sections
        self.fields["section"].label_from_instance = lambda page: (
            f"{page.title} ({page.locale.get_display_name()})"
        )
