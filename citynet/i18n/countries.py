"""
Country names in the reader's language, from Unicode CLDR through Babel: django-countries has
no names Django can find for Korean, Thai or Indonesian (decision 0139).
"""

from functools import cache

from babel import Locale as CLDRLocale
from django.conf import settings
from django.utils.translation import get_language, to_locale


@cache
def territory_names(language_code):
    return CLDRLocale.parse(to_locale(language_code)).territories


def country_name(country):
    """`country` (a django-countries Country, or its code) named in the active language."""
    code = str(getattr(country, "code", country) or "")
    names = territory_names(get_language() or settings.LANGUAGE_CODE)
    return names.get(code) or getattr(country, "name", code)


def country_choices(codes):
    """(code, name) for the countries of `codes`, alphabetical in the active language."""
    return sorted(((code, country_name(code)) for code in codes), key=lambda choice: choice[1])
