"""
Search in scripts written without spaces between words, with the database backends.

PostgreSQL and SQLite FTS5 split text into words at spaces and punctuation, so a Chinese,
Japanese or Thai sentence is one long "word" and a word inside it cannot be found. As search
engines do for these scripts, every run of such characters is also indexed as overlapping
two-character words ("東京都庁" → "東京 京都 都庁"), and a query is turned the same way: a word
is found when all its two-character pieces are in the text. Korean is written with spaces but
glues particles to words ("서울시에서"), so Hangul is treated the same way.
"""

import re
import unicodedata

from wagtail.search import index

# Thai, Hiragana and Katakana, CJK ideographs (with extension A and compatibility), Hangul.
UNSPACED_RUN = re.compile(
    r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+"
)


def characters(run):
    """The run's characters, each with the vowel and tone marks that follow it (Thai: "ก่")."""
    units = []
    for character in run:
        if units and unicodedata.category(character).startswith("M"):
            units[-1] += character
        else:
            units.append(character)
    return units


def bigrams(run):
    units = characters(run)
    if len(units) == 1:
        return units
    return [first + second for first, second in zip(units, units[1:], strict=False)]


def as_bigrams(text):
    """Only the two-character words of the text's unspaced runs, separated by spaces."""
    return " ".join(bigram for run in UNSPACED_RUN.findall(text) for bigram in bigrams(run))


def split_unspaced_words(query):
    """A search query with each unspaced run replaced by its two-character words."""
    return " ".join(
        UNSPACED_RUN.sub(lambda match: f" {' '.join(bigrams(match.group()))} ", query).split()
    )


def searchable_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(searchable_text(item) for item in value)
    return "" if value is None else str(value)


class BigramSearchField(index.SearchField):
    """Indexes a field's unspaced runs as two-character words, beside the field itself."""

    def get_value(self, obj):
        return as_bigrams(searchable_text(super().get_value(obj)))
