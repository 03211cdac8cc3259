"""
Who may translate what (decision 0120).

wagtail-localize asks only for its global `submit_translation` permission, which both editorial
roles hold (migration editorial.0003). The object comes in here: a user may start or sync the
translation of a page or snippet they may edit. Translating a page into a language whose parent
section does not exist yet creates that section, so it, and "include subtree", is left to those
who may publish the source. Publishing a translation is Wagtail's own publish right.
"""

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.permissions import policy_registry

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):  # people: Communications only (decision 0125)
        policy = policy_registry.get_by_type(type(instance))
        return policy.user_has_permission_for_instance(user, "publish", instance)
    # A snippet without drafts (themes) is saved live by whoever may edit it.
    return can_edit(user, instance)


def can_translate(user, instance):
    """Start, sync and edit translations of `instance` (a source page or snippet)."""
    return user.is_active and user.has_perm(SUBMIT_TRANSLATION) and can_edit(user, instance)


def translatable_locales(user, instance):
    """The locales `user` may start a translation of `instance` into (not yet translated)."""
    existing = instance.get_translations(inclusive=True)
    if isinstance(instance, Page):
        existing = existing.filter(alias_of__isnull=True)
    locales = Locale.objects.exclude(pk__in=existing.values("locale_id"))
    if not isinstance(instance, Page) or can_publish(user, instance):
        return locales
    # Only into sections that exist in that language, where the user may add pages.
    parents = instance.get_parent().get_translations().filter(locale__in=locales)
    return locales.filter(pk__in=locales_to_add_in(user, parents))


def locales_to_add_in(user, parents):
    """The locales of those `parents` under which `user` may add a page."""
    return {
        parent.locale_id
        for parent in parents
        if parent.permissions_for_user(user).can_add_subpage()
    }


def translatable_locales_of_pages(user, pages):
    """{page id: locale ids} as `translatable_locales` gives, for many pages in four queries."""
    pages = [page for page in pages if can_translate(user, page)]
    translated = {}
    for page_id, locale_id in Page.objects.filter(
        translation_key__in=[page.translation_key for page in pages], alias_of__isnull=True
    ).values_list("translation_key", "locale_id"):
        translated.setdefault(page_id, set()).add(locale_id)
    all_locales = set(Locale.objects.values_list("pk", flat=True))
    parent_keys = dict(
        Page.objects.filter(path__in=[page.path[: -Page.steplen] for page in pages]).values_list(
            "path", "translation_key"
        )
    )
    parent_translations = {}
    for parent in Page.objects.filter(translation_key__in=parent_keys.values()):
        parent_translations.setdefault(parent.translation_key, []).append(parent)
    found = {}
    for page in pages:
        locales = all_locales - translated.get(page.translation_key, set())
        if not can_publish(user, page):
            parent_key = parent_keys.get(page.path[: -Page.steplen])
            locales &= locales_to_add_in(user, parent_translations.get(parent_key, []))
        found[page.pk] = locales
    return found
