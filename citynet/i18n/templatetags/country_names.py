from django import template

from citynet.i18n.countries import country_name as name_of

register = template.Library()


@register.filter
def country_name(country):
    """`{{ page.country|country_name }}`: the country in the reader's language."""
    return name_of(country)
