from django import forms
from django.utils.translation import gettext_lazy as _

from citynet.i18n.countries import country_choices
from citynet.taxonomy.models import Theme


class ProgramFilterForm(forms.Form):
    """The program index filters. Choices list only what the index's programs use."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, programs):
        super().__init__(data)
        themes = Theme.objects.filter(programs__in=programs).distinct()
        country_codes = set(programs.exclude(country="").values_list("country", flat=True))
        years = programs.dates("start_date", "year", order="DESC")
        self.fields["kind"].choices = [("", _("All kinds")), *programs.model.Kind.choices]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, str(theme)) for theme in themes
        ]
        self.fields["country"].choices = [("", _("All countries")), *country_choices(country_codes)]
        self.fields["year"].choices = [("", _("All years"))] + [
            (year.year, year.year) for year in years
        ]
