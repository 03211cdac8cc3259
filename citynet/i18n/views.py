import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from . import status
from .models import TranslatorProfile
from .permissions import translatable_locales_of_pages


def sections(request):
    """The top of each part of the site: the home page's children, in the default language."""
    return Page.objects.filter(depth=3, locale=Locale.get_default()).order_by("path")


def other_locales(request=None):
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


class TranslationStatusFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=sections, method="filter_section"
    )
    # The locale chooses which column to show; the status then applies to that column.
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=other_locales, method="filter_nothing"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=list(status.LABELS.items()), method="filter_nothing"
    )
    # A choice, not a checkbox: an unticked box is a value (False) that Wagtail shows as an
    # active filter, "My languages: False", on a report nobody has filtered yet.
    mine = django_filters.ChoiceFilter(
        label=_("Languages shown"),
        choices=[("on", _("Only the languages I translate"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_nothing",
        help_text=_(
            "The languages you translate into are set under Account → Translation languages."
        ),
    )

    class Meta:
        model = Page
        fields = []

    def filter_section(self, queryset, name, value):
        return queryset.descendant_of(value, inclusive=True)

    def filter_nothing(self, queryset, name, value):
        return queryset


class TranslationStatusReportView(PageReportView):
    """Every page in the default language × every other language: how far it is translated."""

    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "i18n/translation_status_report_results.html"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "i18n_translation_status"
    index_results_url_name = "i18n_translation_status_results"
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50

    @cached_property
    def locales(self):
        filters = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        if filters.get("locale"):
            return [filters["locale"]]
        if filters.get("mine"):
            mine = TranslatorProfile.languages_of(self.request.user)
            return list(other_locales().filter(pk__in=mine.values("pk")))
        return list(other_locales())

    @property
    def list_export(self):
        return ["title", "url_path", *[f"status_{locale.language_code}" for locale in self.locales]]

    @property
    def export_headings(self):
        return {
            "title": _("Title"),
            "url_path": _("URL path"),
            **{
                f"status_{locale.language_code}": locale.get_display_name()
                for locale in self.locales
            },
        }

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.explorable_instances(self.request.user)
            .filter(locale=Locale.get_default(), depth__gt=1)
            .order_by("path")
            # Each row's buttons ask whether its page is locked (decision 0290): read with the rows.
            .prefetch_workflow_states()
            .annotate_approved_schedule()
        )
        return super().get_queryset()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        wanted = self.filters.form.cleaned_data.get("status") if self.filters.is_valid() else None
        if wanted:
            keys = queryset.values_list("translation_key", flat=True)
            statuses = status.translation_statuses(keys, self.locales)
            queryset = queryset.filter(
                translation_key__in={
                    key for (key, _locale), found in statuses.items() if found.status == wanted
                }
            )
        return queryset

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        locales = self.locales
        statuses = status.translation_statuses([page.translation_key for page in pages], locales)
        sources = dict(
            TranslationSource.objects.filter(
                object_id__in=[page.translation_key for page in pages],
                locale=Locale.get_default(),
            ).values_list("object_id", "pk")
        )
        user = self.request.user
        may_translate = translatable_locales_of_pages(user, pages)
        for page in pages:
            page.translation_statuses = [
                (locale, statuses[page.translation_key, locale.pk]) for locale in locales
            ]
            # Translate into these locales; sync (the source's id) when outdated. A page is
            # translated once it is published (docs/i18n.md): a draft offers no Translate.
            page.translation_actions = {
                "translate": may_translate.get(page.pk, set()) if page.live else set(),
                "sync": sources.get(page.translation_key) if page.pk in may_translate else None,
            }
            for locale, found in page.translation_statuses:
                setattr(page, f"status_{locale.language_code}", str(found))
        return pages

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["locales"] = self.locales
        return context
