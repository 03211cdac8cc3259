"""
Search in scripts written without spaces between words, with the database backends.

PostgreSQL and SQLite FTS5 split text into words at spaces and punctuation, so a Chinese,
Japanese or Thai sentence is one long "word" and a word inside it cannot be found. As search
engines do for these scripts, every run of such characters is also indexed as overlapping
two-character words ("東京都庁" → "東京 京都 都庁"), and a query is turned the same way: a word
is found when all its two-character pieces are in the text. Korean is written with spaces but
glues particles to words ("서울시에서"), so Hangul is treated the same way.

Many words are one character long (水 water, 市 city, 물 water), and a query of one character
is that character alone. So the text also carries, as one-character words, each ideograph and
the first syllable of each Korean word ("물을" → "물을 물"). Not a Korean syllable elsewhere in
a word (물 in 건물, building), nor kana or Thai letters alone, which are never words: indexed,
they would be found in almost every text (decision 0190). Two-character pieces and
one-character words are different words to the database, so a longer query still matches
two-character pieces only.
"""

import re
import unicodedata

from wagtail.search import index

# Thai, Hiragana and Katakana, CJK ideographs (with extension A and compatibility), Hangul.
UNSPACED_RUN = re.compile(
    r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+"
)
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7af]")


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


def one_character_words(run):
    """The run's ideographs, and its first syllable if it starts a Korean word."""
    words = IDEOGRAPH.findall(run)
    # A run follows a space or another script: its first syllable starts a word.
    if HANGUL_SYLLABLE.match(run):
        words.append(run[0])
    return words


def indexed_words(run):
    """Its two-character pieces and one-character words; a one-character run is one word."""
    if len(characters(run)) == 1:
        return [run]
    return bigrams(run) + one_character_words(run)


def as_indexed_words(text):
    """The words indexed for the text's unspaced runs, separated by spaces."""
    return " ".join(word for run in UNSPACED_RUN.findall(text) for word in indexed_words(run))


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
    """Indexes a field's unspaced runs as two- and one-character words, beside the field itself."""

    def get_value(self, obj):
        return as_indexed_words(searchable_text(super().get_value(obj)))
