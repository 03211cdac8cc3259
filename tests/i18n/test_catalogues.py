"""
Every interface string of the site is translated into every language, and Django reads what
the .po says: these fail when a string is added to the code or templates without translations
(run `manage.py update_catalogues`, translate, commit), or when a .mo is older than its .po.
"""

import re

import polib
import pytest

from citynet.i18n.catalogues import CATALOGUES, extract, po_path, translated_languages

CATALOGUE_FILES = [
    pytest.param(po_path(locale_dir, language), id=f"{locale_dir}-{language}")
    for locale_dir in CATALOGUES
    for language in translated_languages()
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|<[^>]+>")


@pytest.mark.parametrize("catalogue", CATALOGUE_FILES)
def test_every_string_is_translated_and_compiled(catalogue):
    po = polib.pofile(str(catalogue))

    assert not [entry.msgid for entry in po.untranslated_entries()]
    assert not [entry.msgid for entry in po.fuzzy_entries()]
    compiled = {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.mofile(str(catalogue.with_suffix(".mo")))
    }
    for entry in po:
        assert compiled[entry.msgctxt, entry.msgid].msgstr == entry.msgstr
        assert compiled[entry.msgctxt, entry.msgid].msgstr_plural == entry.msgstr_plural


@pytest.mark.parametrize("catalogue", CATALOGUE_FILES)
def test_a_translation_keeps_the_placeholders_and_markup_of_its_string(catalogue):
    """A missing %(name)s fails at render time; a lost tag breaks a link."""
    for entry in polib.pofile(str(catalogue)):
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for translation in [entry.msgstr, *entry.msgstr_plural.values()]:
            if translation:
                assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid


@pytest.mark.parametrize("locale_dir", CATALOGUES)
def test_every_string_of_the_code_is_in_the_catalogues(locale_dir):
    in_code = {(entry.msgctxt, entry.msgid) for entry in extract(locale_dir)}

    assert in_code
    for language in translated_languages():
        catalogue = polib.pofile(str(po_path(locale_dir, language)))
        assert in_code <= {(entry.msgctxt, entry.msgid) for entry in catalogue}, language


def test_a_string_missing_from_the_catalogues_is_found(tmp_path, settings):
    for source in CATALOGUES["locale"]:
        (tmp_path / source).mkdir()
    (tmp_path / "templates" / "page.html").write_text(
        '{% load i18n %}{% translate "A string nobody translated" %}'
    )
    settings.BASE_DIR = tmp_path

    assert [entry.msgid for entry in extract("locale")] == ["A string nobody translated"]
