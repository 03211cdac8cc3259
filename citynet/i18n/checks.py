from django.conf import settings
from django.core.checks import Error, register

from .languages import content_language_codes


@register()
def check_locale_fallbacks(app_configs, **kwargs):
    """Every fallback chain names content languages only, so that it can always be followed."""
    codes = set(content_language_codes())
    errors = []
    for language, chain in settings.LOCALE_FALLBACKS.items():
        for code in [language, *chain]:
            if code not in codes:
                errors.append(
                    Error(
                        f"LOCALE_FALLBACKS[{language!r}] names {code!r}, which is not in "
                        "WAGTAIL_CONTENT_LANGUAGES.",
                        id="i18n.E001",
                    )
                )
    return errors
