from django import forms
from django.utils.translation import gettext_lazy as _

from citynet.i18n.countries import country_choices


class PartnerFilterForm(forms.Form):
    """The partner index filters. Countries list only those the index's partners are in."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data, partners):
        super().__init__(data)
        country_codes = set(partners.exclude(country="").values_list("country", flat=True))
        self.fields["kind"].choices = [("", _("All kinds")), *partners.model.Kind.choices]
        self.fields["country"].choices = [("", _("All countries")), *country_choices(country_codes)]
