"""
Our Korean for Wagtail's and wagtail-localize's strings (citynet/i18n/upstream_locale, decision
0235) translates strings those packages still have, keeps their placeholders, and is compiled.
"""

from pathlib import Path

import polib
import pytest
import taggit
import wagtail
import wagtail_localize
from django.conf import settings

from tests.i18n.test_catalogues import PLACEHOLDER

UPSTREAM = settings.BASE_DIR / "citynet/i18n/upstream_locale"
CATALOGUES = sorted(UPSTREAM.glob("*/LC_MESSAGES/*.po"))


def upstream_msgids(domain):
    """
    Every string Wagtail, wagtail-localize and taggit (the tags field's help) ask to translate,
    from any of their catalogues.
    """
    msgids = set()
    for package in (wagtail, wagtail_localize, taggit):
        for catalogue in Path(package.__file__).parent.glob(f"**/locale/*/LC_MESSAGES/{domain}.po"):
            msgids |= {entry.msgid for entry in polib.pofile(str(catalogue))}
    return msgids


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(UPSTREAM)))
def test_our_translations_of_wagtails_strings_are_still_wagtails(catalogue):
    po = polib.pofile(str(catalogue))
    known = upstream_msgids(catalogue.stem)

    assert not [entry.msgid for entry in po if entry.msgid not in known]
    assert not [entry.msgid for entry in po.untranslated_entries()]
    compiled = {entry.msgid: entry for entry in polib.mofile(str(catalogue.with_suffix(".mo")))}
    for entry in po:
        assert compiled[entry.msgid].msgstr == entry.msgstr
        for translation in [entry.msgstr, *entry.msgstr_plural.values()]:
            if translation:
                expected = sorted(PLACEHOLDER.findall(entry.msgid))
                assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid
                assert translation.count("{") == entry.msgid.count("{"), entry.msgid
                assert translation.count("%s") == entry.msgid.count("%s"), entry.msgid


def test_the_upstream_catalogues_are_read():
    assert CATALOGUES
    assert UPSTREAM in [Path(path) for path in settings.LOCALE_PATHS]
