"""
wagtail-localize's translation editor in the editor's own language where its code writes English
(decision 0276): the dates it formats with `strftime` ("6 December 2026", in "Translated manually
on {date}" and "Last published on {date}"), and the heading its script builds without gettext
("영어 to 한국어 translation"). Its editor reads everything from one JSON document of props,
which the translation editor's template override passes through `in_editors_language`.
"""

import datetime
import re

from django.utils import formats
from django.utils.translation import gettext

# wagtail_localize.compat.DATE_FORMAT ("%-d %B %Y"), as `strftime` writes it: English months.
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ENGLISH_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})\b")


def localized_dates(text):
    """`text` with every date wagtail-localize wrote in English in the active language's format."""
    if not text:
        return text

    def localized(match):
        day, month, year = int(match[1]), MONTHS.index(match[2]) + 1, int(match[3])
        return formats.date_format(datetime.date(year, month, day), "DATE_FORMAT")

    return ENGLISH_DATE.sub(localized, text)


def in_editors_language(props):
    """wagtail-localize's editor props with its dates in the active language."""
    document = props.get("object") or {}
    document["lastPublishedDate"] = localized_dates(document.get("lastPublishedDate"))
    for translation in props.get("initialStringTranslations") or []:
        translation["comment"] = localized_dates(translation.get("comment"))
    return props


def segments_heading(props):
    """
    The heading wagtail-localize's script puts above the segments, as it writes it in English,
    and in the active language (static/i18n/translation_editor_words.js swaps them).
    """
    source = props["sourceLocale"]["displayName"]
    target = props["locale"]["displayName"]
    return {
        "english": f"{source} to {target} translation",
        "translated": gettext("%(source)s to %(target)s translation")
        % {"source": source, "target": target},
    }
