"""
wagtail-localize's submit and sync views, with the per-object rights of `permissions.py`, and
the step its translation editor lacks: submitting a translation for approval (decisions 0121,
0125).

The views keep wagtail-localize's URLs: `wagtail_hooks.py` registers them ahead of its own, so
the same paths resolve here, and every link wagtail-localize renders leads to the checked view.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import HiddenInput
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowMixin
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation
from wagtail_localize.views import submit_translations, update_translations

from .permissions import can_edit, can_publish, can_translate, translatable_locales


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


def submit_translation(request, instance, edit_url):
    """Save the translation of `instance` as a draft from its segments and start its workflow."""
    translation = get_object_or_404(
        Translation,
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    )
    workflow = instance.get_workflow()
    if not can_edit(request.user, instance) or workflow is None:
        raise PermissionDenied
    if instance.workflow_in_progress:
        messages.warning(request, _("This translation is already awaiting approval."))
        return redirect(edit_url)
    if isinstance(instance, Page) and not instance.live:
        translation.save_target(user=request.user, publish=False)
    else:
        # save_target(publish=False) writes the translated text into the object's row: a live
        # page would show it before approval, a live snippet would be unpublished. The text goes
        # into a new revision only; the live version stays until approval (0125).
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        try:
            draft.save_revision(user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(edit_url)
    instance.refresh_from_db()
    workflow.start(instance, request.user)
    messages.success(
        request,
        _("'%(title)s' was submitted to %(workflow)s.")
        % {"title": approval_title(instance), "workflow": workflow.name},
    )
    return redirect(edit_url)


def approval_title(instance):
    return instance.get_admin_display_title() if isinstance(instance, Page) else str(instance)


@require_POST
def submit_for_approval(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    return submit_translation(request, page, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_POST
def submit_snippet_for_approval(request, app_label, model_name, pk):
    model = get_snippet_model_from_url_params(app_label, model_name)
    if not issubclass(model, WorkflowMixin):  # themes have no drafts: nothing to approve
        raise PermissionDenied
    instance = get_object_or_404(model, pk=unquote(pk))
    edit_url = reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])
    return submit_translation(request, instance, edit_url)


def approval_action(user, instance):
    """The submit URL for the translation editor, when `user` must ask for approval to publish."""
    if (
        not isinstance(instance, WorkflowMixin)
        or can_publish(user, instance)
        or not can_edit(user, instance)
        or instance.get_workflow() is None
    ):
        return None
    if isinstance(instance, Page):
        url = reverse("i18n_submit_translation_for_approval", args=[instance.pk])
    else:
        meta = instance._meta
        url = reverse(
            "i18n_submit_snippet_translation_for_approval",
            args=[meta.app_label, meta.model_name, quote(instance.pk)],
        )
    return {"url": url, "in_progress": instance.workflow_in_progress}


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
    path(
        "translations/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/submit/",
        submit_snippet_for_approval,
        name="i18n_submit_snippet_translation_for_approval",
    ),
]
