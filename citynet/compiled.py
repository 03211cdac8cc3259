"""
Querysets compiled to SQL once per process (decision 0400).

Django compiles a queryset to SQL at every run. For the pages' own queries compiling cost more
than running them: a v2 detail spent 8.4 of its 38 ms of CPU compiling its one page query
(16 subqueries: translations, parent, comment count) and under 1 ms running it. A query kept
for the process (citynet/api/pages.py `built_once`) is the same SQL at every run but for its
arguments: the page's id, given as an `Argument`, and the clock that the visibility rules read
(citynet/visibility.py), which is a slot while compiling. `CompiledOnce` compiles at the first
run and fills in both at each run.
"""

import contextvars

from django.db import connections
from django.db.models import DateTimeField, Expression, IntegerField, Prefetch
from django.utils import timezone

from citynet.wagtail_internals import (
    compile_queryset,
    keep_prefetched,
    prefetch_lookups,
    run_compiled,
)

COMPILING = contextvars.ContextVar("compiling_once", default=False)


class Slot:
    """A parameter of compiled SQL that is given at each run, as a value of `field`."""

    def __init__(self, name, field):
        self.name, self.field = name, field


NOW = Slot("now", DateTimeField())


def now_parameter(connection):
    """The time the visibility rules compare with: now, or a slot while compiling once."""
    return NOW if COMPILING.get() else NOW.field.get_db_prep_value(timezone.now(), connection)


class Argument(Expression):
    """A value given at each run of a CompiledOnce queryset: `.filter(pk=Argument("pk"))`."""

    def __init__(self, name, output_field=None):
        super().__init__(output_field=output_field or IntegerField())
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [Slot(self.name, self.output_field)]


class CompiledOnce:
    """
    A queryset kept for the process, compiled at its first run and run again with new arguments.
    Run only through `run()`: run as a queryset, its slots would reach the database and fail.
    """

    def __init__(self, queryset):
        self.queryset = queryset
        self.compiled = {}  # per database alias: (sql, parameters, compiler state) or None

    def run(self, **arguments):
        """The queryset's objects for these arguments, as a list."""
        database = self.queryset.db
        if database not in self.compiled:
            token = COMPILING.set(True)
            try:
                self.compiled[database] = compile_queryset(self.queryset.all())
            finally:
                COMPILING.reset(token)
        if self.compiled[database] is None:  # can match nothing
            return []
        sql, parameters, state = self.compiled[database]
        connection = connections[database]
        values = [self.bind(parameter, arguments, connection) for parameter in parameters]
        return run_compiled(self.queryset.all(), sql, values, state)

    @staticmethod
    def bind(parameter, arguments, connection):
        if parameter is NOW:
            return NOW.field.get_db_prep_value(timezone.now(), connection)
        if isinstance(parameter, Slot):
            return parameter.field.get_db_prep_value(arguments[parameter.name], connection)
        return parameter


class CompiledPage:
    """
    One page by its id, `run(pk)`, with its one-to-many prefetches (an article's authors, links
    and tags) each compiled once too: Django builds and compiles a prefetch's query again from
    the pages it fetched, at every run. Other prefetches (many-to-many) are Django's.
    """

    def __init__(self, queryset):
        self.relations, others = [], []
        for lookup in prefetch_lookups(queryset):
            if one_to_many_prefetch(queryset.model, lookup):
                foreign_key = queryset.model._meta.get_field(lookup.prefetch_to).field.name
                query = CompiledOnce(lookup.queryset.filter(**{foreign_key: Argument("pk")}))
                self.relations.append((lookup.prefetch_to, lookup.queryset, query))
            else:
                others.append(lookup)
        queryset = queryset.prefetch_related(None).prefetch_related(*others)
        self.page = CompiledOnce(queryset.filter(pk=Argument("pk")))

    def run(self, pk):
        """The page, its relations loaded, or None."""
        pages = self.page.run(pk=pk)
        if not pages:
            return None
        [page] = pages
        for relation, queryset, query in self.relations:
            keep_prefetched(page, relation, queryset, query.run(pk=page.pk))
        return page


def one_to_many_prefetch(model, lookup):
    """A Prefetch of a one-to-many relation of `model` itself, with its own queryset."""
    if not isinstance(lookup, Prefetch) or lookup.queryset is None or lookup.to_attr:
        return False
    if "__" in lookup.prefetch_through:
        return False
    return model._meta.get_field(lookup.prefetch_through).one_to_many
