"""
The stock SQLite FTS5 search backend, with relevance computed once per search (decision 0144).

The stock query compiler (django-modelsearch 1.3.2) orders results by a correlated subquery that
runs the full-text MATCH and bm25() again for every candidate row: a search costs the square of
its matches (14 s for a word found in 700 of 13,500 articles). Here SQLite matches and scores
once, in a subquery that it materializes, and each result reads its score from there through its
index entry. Everything else (query parsing, MATCH expressions, the rank formula) is the stock
compiler's; tests/search/test_sqlite_backend.py checks that results and scores stay the stock's.

Importable on SQLite only: the stock module loads the FTS model, which exists only there.
"""

from django.db.models import Expression, F, FloatField, Subquery, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class EntryScore(Expression):
    """
    The score of the outer row's index entry, looked up among the scores of every match.

    `scores` (entry_id, score) has no outer reference, and its DISTINCT keeps SQLite from
    merging it into the lookup (which would bring back a MATCH per row): SQLite materializes it
    once per statement and indexes it by entry_id. The entry table comes first in the FROM so
    that the scores are not read as a co-routine, which would run again for every row.
    """

    output_field = FloatField()

    def __init__(self, scores, content_type_ids):
        super().__init__()
        self.scores = Subquery(scores, output_field=FloatField())
        self.content_type_ids = list(content_type_ids)
        # Index entries name their object by its primary key as text.
        self.object_id = Cast(F("pk"), TextField())

    def get_source_expressions(self):
        return [self.scores, self.object_id]

    def set_source_expressions(self, exprs):
        self.scores, self.object_id = exprs

    def as_sql(self, compiler, connection):
        quote = connection.ops.quote_name
        table = IndexEntry._meta.db_table
        entry, scores = quote("search_entry"), quote("search_scores")
        content_type, object_id, pk = (
            quote(IndexEntry._meta.get_field(name).column)
            for name in ("content_type", "object_id", "id")
        )
        scores_sql, scores_params = compiler.compile(self.scores)
        object_id_sql, object_id_params = compiler.compile(self.object_id)
        content_types = ", ".join(["%s"] * len(self.content_type_ids))
        sql = (
            f"(SELECT {scores}.score FROM {quote(table)} {entry}, {scores_sql} {scores}"
            f" WHERE {entry}.{content_type} IN ({content_types})"
            f" AND {entry}.{object_id} = {object_id_sql} AND {scores}.entry_id = {entry}.{pk})"
        )
        return sql, (*scores_params, *self.content_type_ids, *object_id_params)


class ScoredOnceMixin:
    """`search()` of the stock SQLite compilers, with the matches and scores read once."""

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if isinstance(query, MatchAll):
            return self.queryset[start:stop]
        if isinstance(query, Not) and isinstance(query.subquery, MatchAll):
            return self.queryset.none()
        negated = isinstance(query, Not)
        if negated:
            query = query.subquery

        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        content_types = get_descendants_content_types_pks(self.queryset.model)
        # One MATCH, then the matching entries by their primary key (the stock subquery lets
        # SQLite run a MATCH per index entry of the model instead).
        matching_entries = SQLiteFTSIndexEntry.objects.filter(match).values("index_entry_id")
        object_ids = IndexEntry._default_manager.filter(
            content_type_id__in=content_types, pk__in=matching_entries
        ).values("object_id")

        if negated:
            # Every score would be 0: no annotation and no relevance order, as in the stock.
            queryset = self.queryset.exclude(pk__in=object_ids)
        else:
            queryset = self.queryset.filter(pk__in=object_ids)
            if self.order_by_relevance and score_field is None:
                score_field = "_score"
            if score_field is not None:
                # Every match, whatever its model: with a content type filter SQLite may start
                # from the entries and run a MATCH for each, as it does for the stock's list of
                # matches. EntryScore keeps the model's entries.
                rank = self._build_rank_expression(self.get_search_vectors(), config)
                scores = (
                    SQLiteFTSIndexEntry.objects.filter(match)
                    .values(entry_id=F("index_entry_id"), score=rank)
                    .distinct()
                )
                queryset = queryset.annotate(**{score_field: EntryScore(scores, content_types)})
                if self.order_by_relevance:
                    # bm25() is negative: the lower, the more relevant.
                    queryset = queryset.order_by(score_field, "-pk")

        if not self.order_by_relevance and not queryset.query.order_by:
            # The same order on every page of results (as the stock compiler).
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class ScoredOnceSearchQueryCompiler(ScoredOnceMixin, SQLiteSearchQueryCompiler):
    pass


class ScoredOnceAutocompleteQueryCompiler(ScoredOnceMixin, SQLiteAutocompleteQueryCompiler):
    pass


class ScoredOnceSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ScoredOnceSearchQueryCompiler
    autocomplete_query_compiler_class = ScoredOnceAutocompleteQueryCompiler
