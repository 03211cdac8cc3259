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
from django.db.models import DateTimeField, Expression, IntegerField
from django.utils import timezone

from citynet.wagtail_internals import compile_queryset, run_compiled

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
