"""
The site's translation catalogues (gettext .po files, compiled to the .mo files Django reads):
where each lives and which directories its strings come from. `manage.py update_catalogues`
extracts the strings, merges them into every language's .po and compiles the .mo;
tests/i18n/test_catalogues.py fails when a string lacks a translation or a .mo is stale.
"""

import shutil
import tempfile
from contextlib import chdir
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils.translation import to_locale

# Locale directory: the directories whose templates and Python it translates. A directory that
# is another catalogue's source is left out of the catalogue of the directory around it.
CATALOGUES = {
    # The site's frame (base template, cards, error pages, lock-out page) and language names.
    "locale": ["templates", "citynet"],
    "citynet/i18n/locale": ["citynet/i18n"],
    "home/locale": ["home"],
    "blog/locale": ["blog"],
    "programs/locale": ["programs"],
    "partners/locale": ["partners"],
    "search/locale": ["search"],
    "comments/locale": ["comments"],
    "wordpress/locale": ["wordpress"],
}
NOT_TRANSLATED = {"locale", "static", "migrations", "__pycache__", "demo"}
HEADER = {
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    # None of the site's languages besides English inflects for number.
    "Plural-Forms": "nplurals=1; plural=0;",
}


def translated_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(locale_dir, language_code):
    base = Path(settings.BASE_DIR)
    return base / locale_dir / to_locale(language_code) / "LC_MESSAGES" / "django.po"


def extract(locale_dir):
    """The catalogue's strings as they are in the code now: a .po without translations."""
    base = Path(settings.BASE_DIR)
    other_sources = {
        base / source
        for other, sources in CATALOGUES.items()
        if other != locale_dir
        for source in sources
    }

    def skipped(directory, names):
        return [
            name
            for name in names
            if name in NOT_TRANSLATED or Path(directory, name) in other_sources
        ]

    with tempfile.TemporaryDirectory() as tmp:
        for source in CATALOGUES[locale_dir]:
            shutil.copytree(base / source, Path(tmp, source), ignore=skipped)
        Path(tmp, "locale").mkdir()
        # Only the copy's own locale directory: makemessages writes nothing into the site.
        with chdir(tmp), override_settings(LOCALE_PATHS=[]):
            call_command("makemessages", locale=["ko"], no_location=True, verbosity=0)
        return polib.pofile(str(Path(tmp, "locale/ko/LC_MESSAGES/django.po")))


def update(locale_dir):
    """Merge the code's strings into each language's .po (new ones untranslated) and compile."""
    template = extract(locale_dir)
    for language_code in translated_languages():
        path = po_path(locale_dir, language_code)
        path.parent.mkdir(parents=True, exist_ok=True)
        po = polib.pofile(str(path)) if path.exists() else polib.POFile()
        po.header = po.header or f"The strings of {', '.join(CATALOGUES[locale_dir])}/."
        po.metadata = {"Language": to_locale(language_code), **HEADER}
        po.merge(template)
        for entry in po.obsolete_entries():
            po.remove(entry)
        for entry in po:
            if entry.msgid_plural:  # one form only (HEADER)
                entry.msgstr_plural = {0: entry.msgstr_plural.get(0, "")}
        po.wrapwidth = 0
        po.save(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
