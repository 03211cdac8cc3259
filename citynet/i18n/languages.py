"""The content languages and their fallback chains, as declared in settings."""

import unicodedata

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def language_order(language_code):
    """Sort key: the order of settings.LANGUAGES, which switchers and alternates follow."""
    codes = content_language_codes()
    return codes.index(language_code) if language_code in codes else len(codes)


def fallback_chain(language_code):
    """The language itself, then the languages to fall back to, nearest first."""
    chain = [language_code, *settings.LOCALE_FALLBACKS.get(language_code, [])]
    if settings.LANGUAGE_CODE not in chain:
        chain.append(settings.LANGUAGE_CODE)
    return list(dict.fromkeys(chain))


def local_name(language_code):
    """The language's name in itself, as a language switcher shows it: "한국어", "ไทย"."""
    return unicodedata.normalize("NFC", get_language_info(language_code)["name_local"])


def name_in(language_code, reader_language_code):
    """The language's name in the reader's language, as a sentence uses it: "영어" for a Korean."""
    with translation.override(reader_language_code):
        return str(get_language_info(language_code)["name_translated"])
