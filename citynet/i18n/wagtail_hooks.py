from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from citynet.wagtail_internals import whats_new_menu_item

from . import translating
from .admin_panels import OutdatedTranslationsPanel, TranslationLanguagesPanel
from .permissions import can_translate
from .source_changes import TEXT_CHANGED
from .views import TranslationStatusReportView


# Ahead of wagtail-localize's own hook, so that its submit and sync paths resolve to the views
# that check the object (decision 0121).
@hooks.register("register_admin_urls", order=-1)
def register_checked_translation_urls():
    return translating.urlpatterns


# Ahead of wagtail-localize's hooks, which answer a POST to a translation's edit view.
@hooks.register("before_edit_page", order=-1)
def refuse_publishing_a_page_awaiting_approval(request, page):
    if request.method == "POST":
        return translating.refuse_publish_while_awaiting_approval(
            request, page
        ) or translating.publish_translation(request, page)
    return None


@hooks.register("before_edit_snippet", order=-1)
def refuse_publishing_a_snippet_awaiting_approval(request, instance):
    if request.method == "POST":
        return translating.refuse_publish_while_awaiting_approval(
            request, instance
        ) or translating.publish_translation(request, instance)
    return None


@hooks.register("construct_page_listing_buttons")
def hide_translation_buttons(buttons, page, user, context=None):
    """wagtail-localize offers Translate and Sync to every translator: keep them to the page's."""
    if not can_translate(user, page):
        drop_translation_buttons(buttons)


@hooks.register("construct_snippet_listing_buttons")
def hide_snippet_translation_buttons(buttons, snippet, user):
    if not can_translate(user, snippet):
        drop_translation_buttons(buttons)


def drop_translation_buttons(buttons):
    """Remove wagtail-localize's buttons from a list of buttons and from its dropdowns."""
    buttons[:] = [
        button
        for button in buttons
        if not any(
            part in (button.url or "") for part in ("/localize/submit/", "/localize/update/")
        )
    ]
    for button in buttons:
        if getattr(button, "dropdown_buttons", None):
            drop_translation_buttons(button.dropdown_buttons)


@hooks.register("register_log_actions")
def register_text_changed_action(actions):
    actions.register_action(
        TEXT_CHANGED,
        _("Text to translate changed"),
        _("Text to translate changed: its translations are outdated"),
    )


hooks.register("register_account_settings_panel", TranslationLanguagesPanel)


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    panels.append(OutdatedTranslationsPanel())


@hooks.register("register_admin_urls")
def register_translation_status_report_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="i18n_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="i18n_translation_status_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("i18n_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=750,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_localizes_translations_report(request, menu_items):
    """Our translation status report replaces wagtail-localize's, which disagrees with it (0269)."""
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]


@hooks.register("construct_help_menu")
def name_whats_new_in_the_editors_language(request, items):
    """
    Wagtail words its help menu's "What's new" item once per process, in the language of whoever
    opened the admin first: build it again for each request, in the editor's language.
    """
    whats_new = whats_new_menu_item()
    items[:] = [whats_new if item.name == whats_new.name else item for item in items]
