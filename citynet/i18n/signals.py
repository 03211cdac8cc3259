"""
A translated page must point at the translated people and themes, not at the source's.

wagtail-localize copies an article's authors (a child relation) and themes (a many-to-many) from
the source page as they are, so the Korean article would still name the English person. When a
page is published, each of its links to a translatable snippet is moved to that snippet's
translation in the page's locale, where one exists.
"""

import functools

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published

from .notifications import notify_outdated_translations_on_commit
from .source_changes import record_text_change


def is_translatable_snippet(model):
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page)


@functools.cache
def snippet_links(page_model):
    """(link model, field to the page, field to the snippet) for each of the page's links."""
    links = []
    for relation in get_all_child_relations(page_model):
        for field in relation.related_model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey)
                and not isinstance(field, ParentalKey)
                and is_translatable_snippet(field.related_model)
            ):
                links.append((relation.related_model, relation.field.name, field.name))
    for field in page_model._meta.get_fields():
        if isinstance(field, ParentalManyToManyField) and is_translatable_snippet(
            field.related_model
        ):
            through = field.remote_field.through
            links.append((through, field.m2m_field_name(), field.m2m_reverse_field_name()))
    return links


def point_links_at_translations(page):
    for link_model, page_field, snippet_field in snippet_links(type(page)):
        links = list(
            link_model.objects.filter(**{page_field: page})
            .exclude(**{f"{snippet_field}__locale": page.locale_id})
            .select_related(snippet_field)
        )
        if not links:
            continue
        snippet_model = link_model._meta.get_field(snippet_field).related_model
        keys = {getattr(link, snippet_field).translation_key for link in links}
        translations = dict(
            snippet_model.objects.filter(
                translation_key__in=keys, locale=page.locale_id
            ).values_list("translation_key", "pk")
        )
        linked = set(
            link_model.objects.filter(**{page_field: page}).values_list(
                f"{snippet_field}_id", flat=True
            )
        )
        moved, doubles = [], []
        for link in links:
            translation_id = translations.get(getattr(link, snippet_field).translation_key)
            if translation_id in linked:
                doubles.append(link.pk)  # the page already links to the translation too
            elif translation_id:
                setattr(link, f"{snippet_field}_id", translation_id)
                moved.append(link)
        link_model.objects.bulk_update(moved, [snippet_field])
        link_model.objects.filter(pk__in=doubles).delete()


def on_page_published(sender, instance, **kwargs):
    point_links_at_translations(instance)


page_published.connect(on_page_published, dispatch_uid="i18n_point_links_at_translations")


def on_source_published(sender, instance, **kwargs):
    if record_text_change(instance):
        notify_outdated_translations_on_commit(instance)


page_published.connect(on_source_published, dispatch_uid="i18n_notify_outdated_translations")
