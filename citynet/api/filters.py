"""Query parameters that narrow a page listing, each with its own validation (bad value: 400)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail.api.v2.utils import BadRequestError


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
        try:
            value = self.parse(raw_value)
        except (TypeError, ValueError) as error:
            raise BadRequestError(f"{name}: {raw_value!r} is not valid ({error})") from error
        if callable(self.lookup):
            return self.lookup(queryset, value)
        if "__" in self.lookup:
            matching = queryset.model.objects.filter(**{self.lookup: value}).values("pk")
            return queryset.filter(pk__in=matching)
        return queryset.filter(**{self.lookup: value})


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
