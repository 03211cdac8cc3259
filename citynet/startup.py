"""
What Django does in a process's first requests, done as the process starts (citynet/wsgi.py,
asgi.py): importing every URLconf, building each language's reverse lookups and loading its
catalogue (the site's addresses carry a language prefix, and Django builds them per language),
and compiling each page type's template. A worker's first reader after each deploy or restart
waited for them: a first article took 445 ms instead of 40, a first v2 detail 295 ms instead
of 22, and the first page shown in each other language another 50 ms (decision 0370).
"""

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation


def load_url_routing():
    resolver = get_resolver()
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            resolver.reverse_dict  # noqa: B018 (built on first use, then kept per language)


def load_page_templates():
    from wagtail.models import get_page_models  # models: once the apps are loaded

    for model in get_page_models():
        get_template(model.template)
