"""
Wagtail's database search backend (PostgreSQL full-text search, SQLite FTS5) with queries in
unspaced scripts split as their text is indexed (see citynet.i18n.search), and on SQLite with
relevance computed once per search (see search.sqlite). Every search goes through
it: the site's, the content API's and the admin's.
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.query import PlainText

from citynet.i18n.search import split_unspaced_words


def readable(query_string):
    """
    The query with unspaced words split; a double quote left open is read as a space, since
    SQLite's full-text search refuses it ("unterminated string") and a reader meant no phrase.
    """
    if query_string.count('"') % 2:
        query_string = query_string.replace('"', " ")
    return split_unspaced_words(query_string)


class UnspacedWordsMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            query = readable(query)
        elif isinstance(query, PlainText):
            query = PlainText(readable(query.query_string), query.operator, query.boost)
        return super().search(query, model_or_queryset, *args, **kwargs)


def SearchBackend(params):  # noqa: N802  (Wagtail looks the backend up by this name)
    """The stock database backend for this database, with unspaced queries split."""
    # The stock factory picks the class for the database in use; importing the SQLite or the
    # PostgreSQL class directly fails on the other database.
    stock_class = type(DatabaseSearchBackend(params))
    if stock_class.__name__ == "SQLiteSearchBackend":
        from .sqlite import ScoredOnceSQLiteSearchBackend

        stock_class = ScoredOnceSQLiteSearchBackend
    backend_class = type(stock_class.__name__, (UnspacedWordsMixin, stock_class), {})
    return backend_class(params)
