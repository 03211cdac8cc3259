from django import forms
from django_countries import countries


class PartnerFilterForm(forms.Form):
    """The partner index filters. Countries list only those the index's partners are in."""

    kind = forms.ChoiceField(required=False)
    country = forms.ChoiceField(required=False)

    def __init__(self, data, partners):
        super().__init__(data)
        country_codes = set(partners.exclude(country="").values_list("country", flat=True))
        self.fields["kind"].choices = [("", "All kinds"), *partners.model.Kind.choices]
        self.fields["country"].choices = [("", "All countries")] + [
            (code, name) for code, name in countries if code in country_codes
        ]
