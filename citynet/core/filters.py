"""
The filters of a page type's listings, declared once on the page model (`listing_filters`) and
read by its index page's filter form (citynet/core/pages.py, IndexPage) and by the API, where
each query parameter has its own validation (bad value: 400).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


def parse_date(value):
    return datetime.date.fromisoformat(value)


def parse_positive_int(value):
    number = int(value)
    if not 0 < number < 2**31:
        raise ValueError("must be a positive integer")
    return number


def parse_country(value):
    if len(value) != 2 or not value.isalpha():
        raise ValueError("must be a two-letter country code")
    return value.upper()


def parse_choice(choices):
    def parse(value):
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return value

    return parse


@dataclass(frozen=True)
class Filter:
    """
    `lookup` is a queryset lookup (relations are matched through a subquery, so that a page
    appears once however many of its tags or authors match) or a function (queryset, value).
    """

    lookup: str | Callable
    parse: Callable = str
    description: str = ""
    schema: dict = field(default_factory=lambda: {"type": "string"})

    def apply(self, queryset, name, raw_value):
        """`queryset` narrowed by a query parameter; a ValueError says why a value is bad."""
        try:
            value = self.parse(raw_value)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{name}: {raw_value!r} is not valid ({error})") from error
        return self.narrow(queryset, value)

    def narrow(self, queryset, value):
        """`queryset` narrowed to `value`, already parsed (by `parse` or a form field)."""
        if callable(self.lookup):
            return self.lookup(queryset, value)
        if "__" in self.lookup:
            matching = queryset.model.objects.filter(**{self.lookup: value}).values("pk")
            return queryset.filter(pk__in=matching)
        return queryset.filter(**{self.lookup: value})


def narrowed(queryset, values):
    """`queryset` narrowed by `values` ({name: parsed value}; empty ones are left out) through
    the filters its page type declares (`listing_filters`)."""
    for name, value in values.items():
        if value:
            queryset = queryset.model.listing_filters[name].narrow(queryset, value)
    return queryset


def date_filter(lookup, description):
    return Filter(lookup, parse_date, description, {"type": "string", "format": "date"})


def choice_filter(lookup, choices, description):
    values = [str(value) for value in choices]
    return Filter(lookup, parse_choice(values), description, {"type": "string", "enum": values})


def country_filter(lookup="country"):
    return Filter(
        lookup,
        parse_country,
        "ISO 3166-1 alpha-2 country code, e.g. KR",
        {"type": "string", "pattern": "^[A-Za-z]{2}$"},
    )
