"""
wagtail-localize's submit and sync views, with the per-object rights of `permissions.py`, and
the step its translation editor lacks: submitting a translation for approval (decision 0121).

The views keep wagtail-localize's URLs: `wagtail_hooks.py` registers them ahead of its own, so
the same paths resolve here, and every link wagtail-localize renders leads to the checked view.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import HiddenInput
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import submit_translations, update_translations

from .permissions import can_publish, can_translate, translatable_locales


class SubmitTranslationMixin:
    def get_object(self):
        instance = super().get_object()
        if not can_translate(self.request.user, instance):
            raise PermissionDenied
        return instance

    def get_form(self):
        form = super().get_form()
        form.fields["locales"].queryset = translatable_locales(self.request.user, self.object)
        if not can_publish(self.request.user, self.object):
            # A posted "include subtree" is ignored: translating a subtree creates sections.
            form.fields["include_subtree"].disabled = True
            form.fields["include_subtree"].widget = HiddenInput()
        return form


class SubmitPageTranslationView(
    SubmitTranslationMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    SubmitTranslationMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync: whoever may translate the source; publishing the results needs the publish right."""

    def get_object(self):
        source = super().get_object()
        self.source_instance = source.get_source_instance()
        if not can_translate(self.request.user, self.source_instance):
            raise PermissionDenied
        return source

    def get_form(self):
        form = super().get_form()
        targets = [
            translation.get_target_instance()
            for translation in self.object.translations.filter(enabled=True)
        ]
        if not all(can_publish(self.request.user, target) for target in targets):
            form.fields["publish_translations"].disabled = True
            form.fields["publish_translations"].widget = HiddenInput()
        return form


@require_POST
def submit_for_approval(request, page_id):
    """Save the translated page as a draft from its segments and start its approval workflow."""
    page = get_object_or_404(Page, pk=page_id).specific
    translation = get_object_or_404(
        Translation,
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    )
    permissions = page.permissions_for_user(request.user)
    workflow = page.get_workflow()
    if not permissions.can_edit() or workflow is None:
        raise PermissionDenied
    if page.workflow_in_progress:
        messages.warning(request, _("This translation is already awaiting approval."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    translation.save_target(user=request.user, publish=False)
    page.refresh_from_db()
    workflow.start(page, request.user)
    messages.success(
        request,
        _("'%(title)s' was submitted to %(workflow)s.")
        % {"title": page.get_admin_display_title(), "workflow": workflow.name},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def approval_action(user, page):
    """The submit URL for the translation editor, when `user` must ask for approval to publish."""
    permissions = page.permissions_for_user(user)
    if permissions.can_publish() or not permissions.can_edit() or page.get_workflow() is None:
        return None
    return {
        "url": reverse("i18n_submit_translation_for_approval", args=[page.pk]),
        "in_progress": page.workflow_in_progress,
    }


urlpatterns = [
    path(
        "localize/submit/page/<int:page_id>/",
        SubmitPageTranslationView.as_view(),
        name="i18n_submit_page_translation",
    ),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        SubmitSnippetTranslationView.as_view(),
        name="i18n_submit_snippet_translation",
    ),
    path(
        "localize/update/<int:translation_source_id>/",
        UpdateTranslationsView.as_view(),
        name="i18n_update_translations",
    ),
    path(
        "translations/<int:page_id>/submit/",
        submit_for_approval,
        name="i18n_submit_translation_for_approval",
    ),
]
