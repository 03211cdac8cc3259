"""
What the public may see, decided in one place: live, not under a view restriction (password,
login or group), and not past its expiry time. Every public surface filters with this rather
than `live()` alone, so that an expired page disappears the moment `expire_at` passes, even while
the task worker that unpublishes it is down, and a private page is never linked (decision 0073).
"""

from django.db.models import BooleanField, Expression, F
from wagtail.models import Page, PageViewRestriction

from citynet.compiled import now_parameter

# Fields editors change while working on drafts: nothing readers see.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def is_draft_save(instance, created=False, update_fields=None):
    """
    A save of a snippet or image that readers cannot see: of draft fields only (a new revision,
    a lock), or creating an object that is not live (a profile translation awaiting approval).
    Publishing and unpublishing save the whole object.
    """
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return True
    return created and not getattr(instance, "live", True)


class PageCondition(Expression):
    """
    A condition on a page's own columns, written once as SQL. Django builds a lookup or a
    subquery again for every query and compiles it at every run: for the restriction subquery
    that cost 1.9 ms of CPU a query, more than the query itself, and every public surface runs
    several (decision 0350). Subclasses name their `columns` and write `sql()` with them.
    `through` names a foreign key to the page when the query is of another model (links).
    """

    output_field = BooleanField()
    conditional = True
    columns = ()

    def __init__(self, through=None):
        super().__init__()
        self.sources = [F(f"{through}__{name}" if through else name) for name in self.columns]

    def get_source_expressions(self):
        return self.sources

    def set_source_expressions(self, sources):
        self.sources = list(sources)

    def as_sql(self, compiler, connection):
        names = [compiler.compile(source)[0] for source in self.sources]
        return self.sql(connection, *names)

    def get_group_by_cols(self):
        return []


class NotExpired(PageCondition):
    """
    Not past `expire_at` by the application's clock when the query runs, not when it was built:
    a queryset built once and kept (the API's detail queries, decision 0146) stays right at
    every run. Django's Now() would read the database's clock, which the tests' time travel
    cannot move.
    """

    columns = ("expire_at",)

    def sql(self, connection, expire_at):
        return not_expired_sql(connection, expire_at)


class UnderARestriction(PageCondition):
    """
    At or below a page with a view restriction (or an alias of one). Wagtail's `public()` does
    the same with one query for every restriction first; as a subquery it costs no query.
    """

    columns = ("path",)

    def sql(self, connection, path):
        return f"({' OR '.join(restriction_tests(connection, path))})", []


class PubliclyVisible(PageCondition):
    """Live, not expired and not under a view restriction."""

    columns = ("live", "expire_at", "path")

    def sql(self, connection, live, expire_at, path):
        not_expired, params = not_expired_sql(connection, expire_at)
        return f"({live} AND {not_expired} AND {unrestricted_sql(connection, path)})", params


class UnrestrictedWithoutAliases(PageCondition):
    """
    Neither under a view restriction nor at or below an alias, whose source page's restrictions
    Wagtail applies instead: Wagtail's check of the page's restrictions would find none.
    `alias_of_id > 0` rather than IS NOT NULL: SQLite searches the alias_of index for a range
    but scans every page for IS NOT NULL, 3.8 ms a request on a site of 10,000 articles.
    """

    columns = ("path",)

    def sql(self, connection, path):
        quote = connection.ops.quote_name
        aliases = (
            f"EXISTS (SELECT 1 FROM {quote(Page._meta.db_table)} alias"
            " WHERE alias.alias_of_id > 0"
            f" AND alias.path = SUBSTR({path}, 1, LENGTH(alias.path)))"
        )
        return f"({unrestricted_sql(connection, path)} AND NOT {aliases})", []


def not_expired_sql(connection, expire_at):
    # The clock is read when the query runs, also for a query compiled once (citynet/compiled.py).
    return f"({expire_at} IS NULL OR {expire_at} > %s)", [now_parameter(connection)]


def restriction_tests(connection, path):
    """
    The two ways a page is restricted: at or below a page with a view restriction, or below an
    alias whose source page has one. Wagtail applies an alias's source's restrictions, not the
    alias's own (it has none when the source was made private after the alias was created).
    """
    quote = connection.ops.quote_name
    restrictions = quote(PageViewRestriction._meta.db_table)
    pages = quote(Page._meta.db_table)
    return [
        f"EXISTS (SELECT 1 FROM {restrictions} restriction INNER JOIN {pages} restricted"
        " ON restriction.page_id = restricted.id"
        f" WHERE restricted.path = SUBSTR({path}, 1, LENGTH(restricted.path)))",
        f"EXISTS (SELECT 1 FROM {pages} alias"
        f" WHERE alias.alias_of_id IN (SELECT page_id FROM {restrictions})"
        f" AND alias.path = SUBSTR({path}, 1, LENGTH(alias.path)))",
    ]


def unrestricted_sql(connection, path):
    """
    Neither way restricted, written as NOT EXISTS … AND NOT EXISTS …: PostgreSQL turns each into
    an anti-join. NOT (EXISTS … OR EXISTS …) made it test both for every row of a subtree, and
    its cost estimate had the query compiled with JIT: 41 ms instead of 3 for the menu of a
    10,000-article site.
    """
    return " AND ".join(f"NOT {test}" for test in restriction_tests(connection, path))


def publicly_visible(pages):
    """`pages` (a PageQuerySet) narrowed to what anyone may see."""
    return pages.filter(PubliclyVisible())


def publicly_searchable(pages):
    """
    publicly_visible() for a queryset that will be searched: search backends filter only on
    indexed fields, and Wagtail does not index `expire_at`, so go through the (indexed) id.
    """
    visible = publicly_visible(pages.model.objects).values("pk")
    return pages.live().filter(pk__in=visible)
