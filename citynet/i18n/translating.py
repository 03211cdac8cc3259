"""
wagtail-localize's submit and sync views, with the per-object rights of `permissions.py`, and
the step its translation editor lacks: submitting a translation for approval (decisions 0121,
0125).

The views keep wagtail-localize's URLs: `wagtail_hooks.py` registers them ahead of its own, so
the same paths resolve here, and every link wagtail-localize renders leads to the checked view.
"""

import functools

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.forms import HiddenInput
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import LockableMixin, Page, WorkflowMixin, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from citynet.wagtail_internals import (
    safe_next_url,
    snippet_model_named,
    translate_live_subtree,
)

from .editor_words import localized_dates
from .permissions import can_edit, can_publish, can_translate, translatable_locales
from .status import untranslated_segments


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
    def dispatch(self, request, *args, **kwargs):
        # A translation starts from the page's row, which holds its published text: a page never
        # published (or unpublished) would be translated from a draft the reviewer has not seen,
        # and its translation could go live while it is not (decision 0293).
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.live:
            messages.error(request, _("Publish this page before translating it."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        return super().dispatch(request, *args, **kwargs)

    @transaction.atomic
    def form_valid(self, form):
        # The subtree too is translated from its live pages only, here rather than on
        # wagtail-localize's background queue.
        include_subtree = form.cleaned_data["include_subtree"]
        form.cleaned_data["include_subtree"] = False
        response = super().form_valid(form)
        if include_subtree:
            translate_live_subtree(
                self.object, form.cleaned_data["locales"], self.components, self.request.user
            )
        return response


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
        if "use_machine_translation" in form.fields and any(
            locked_for(self.request.user, target) for target in targets
        ):
            # Machine translation rewrites the segments of a translation awaiting approval.
            form.fields["use_machine_translation"].disabled = True
            form.fields["use_machine_translation"].widget = HiddenInput()
        return form


def enabled_translations_of(instance):
    """The translation whose editor edits `instance` (none for a source or a plain page)."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    )


def enabled_translation(instance):
    return get_object_or_404(enabled_translations_of(instance))


def save_translation_draft(translation, instance, user):
    """A new revision of `instance` holding its translated segments; ValidationError if invalid."""
    if isinstance(instance, Page) and not instance.live:
        translation.save_target(user=user, publish=False)
    else:
        # save_target(publish=False) writes the translated text into the object's row: a live
        # page would show it before approval, a live snippet would be unpublished. The text goes
        # into a new revision only; the live version stays until approval (0125).
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        draft.save_revision(user=user)
    instance.refresh_from_db()


def submit_translation(request, instance, edit_url):
    """Save the translation of `instance` as a draft from its segments and start its workflow."""
    translation = enabled_translation(instance)
    workflow = instance.get_workflow()
    if not can_edit(request.user, instance) or workflow is None:
        raise PermissionDenied
    if instance.workflow_in_progress:
        messages.warning(request, _("This translation is already awaiting approval."))
        return redirect(edit_url)
    if remaining := untranslated_segments(translation):
        # Its editor's Submit is disabled meanwhile; this answers a tab drawn before (0310).
        messages.error(
            request,
            ngettext(
                "The translation was not submitted: %(count)d segment is not translated yet.",
                "The translation was not submitted: %(count)d segments are not translated yet.",
                remaining,
            )
            % {"count": remaining},
        )
        return redirect(edit_url)
    try:
        save_translation_draft(translation, instance, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edit_url)
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)  # changes were requested: the same workflow goes on
    else:
        workflow.start(instance, request.user)
    messages.success(
        request,
        _("'%(title)s' was submitted to %(workflow)s.")
        % {"title": approval_title(instance), "workflow": workflow.name},
    )
    return redirect(edit_url)


def review_translation(request, instance, edit_url):
    """
    Approve and publish, or request changes on, a translation awaiting its reviewer's approval.
    What the reviewer sees in the editor is what goes live: the segments are saved as the latest
    revision first, and approval publishes the latest revision.
    """
    action = request.POST.get("action")
    comment = request.POST.get("comment", "").strip()
    task = instance.current_workflow_task
    if task is None:
        messages.warning(request, _("This translation is not awaiting approval."))
        return redirect(edit_url)
    if action not in {name for name, _label, _modal in task.get_actions(instance, request.user)}:
        raise PermissionDenied
    title = approval_title(instance)
    if action == "reject":
        if not comment:
            messages.error(
                request, _("Say what needs to change: the comment is sent to the author.")
            )
            return redirect(edit_url)
        task.on_action(instance.current_workflow_task_state, request.user, action, comment=comment)
        messages.success(request, _("Changes to '%(title)s' were requested.") % {"title": title})
        return redirect(edit_url)
    translation = enabled_translation(instance)
    try:
        save_translation_draft(translation, instance, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(edit_url)
    task.on_action(instance.current_workflow_task_state, request.user, action, comment=comment)
    # As wagtail-localize's Publish does, say when what went live is partly in the source's
    # language, counting the segments the status report counts (0292).
    if untranslated_segments(translation):
        messages.warning(
            request,
            _("'%(title)s' was approved and published with missing translations - see below.")
            % {"title": title},
        )
    else:
        messages.success(request, _("'%(title)s' was approved and published.") % {"title": title})
    return redirect(edit_url)


def approval_title(instance):
    return instance.get_admin_display_title() if isinstance(instance, Page) else str(instance)


# The header wagtail-localize writes into the PO files it exports, and reads back on upload.
PO_TRANSLATION_ID = "X-WagtailLocalize-TranslationID"

ACTION_URL_NAMES = {  # (for a page, for a snippet)
    "submit": (
        "i18n_submit_translation_for_approval",
        "i18n_submit_snippet_translation_for_approval",
    ),
    "review": ("i18n_review_translation", "i18n_review_snippet_translation"),
}


def page_and_edit_url(page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    return page, reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_and_edit_url(app_label, model_name, pk):
    model = snippet_model_named(app_label, model_name)
    if not issubclass(model, WorkflowMixin):  # themes have no drafts: nothing to approve
        raise PermissionDenied
    instance = get_object_or_404(model, pk=unquote(pk))
    return instance, reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(pk)])


@require_POST
def submit_for_approval(request, page_id):
    return submit_translation(request, *page_and_edit_url(page_id))


@require_POST
def submit_snippet_for_approval(request, app_label, model_name, pk):
    return submit_translation(request, *snippet_and_edit_url(app_label, model_name, pk))


@require_POST
def review_page_translation(request, page_id):
    return review_translation(request, *page_and_edit_url(page_id))


@require_POST
def review_snippet_translation(request, app_label, model_name, pk):
    return review_translation(request, *snippet_and_edit_url(app_label, model_name, pk))


def action_url(action, instance):
    """The URL of the "submit" or "review" view for `instance`."""
    if isinstance(instance, Page):
        return reverse(ACTION_URL_NAMES[action][0], args=[instance.pk])
    meta = instance._meta
    return reverse(
        ACTION_URL_NAMES[action][1],
        args=[meta.app_label, meta.model_name, quote(instance.pk)],
    )


def editor_action(user, instance):
    """
    The translation editor's main action for `user`, when it is not wagtail-localize's own
    "Publish": a translator who may not publish submits for approval once every segment is
    translated (and waits while it is awaited); a reviewer of a translation awaiting approval
    approves or requests changes.
    """
    if not isinstance(instance, WorkflowMixin) or instance.get_workflow() is None:
        return None
    task = instance.current_workflow_task
    if task is not None and task.get_actions(instance, user):
        return {"kind": "review", "url": action_url("review", instance)}
    if can_publish(user, instance) or not can_edit(user, instance):
        return None
    if task is not None:
        return {"kind": "awaiting"}
    translation = enabled_translation(instance)
    return {
        "kind": "submit",
        "url": action_url("submit", instance),
        # Counted as the status report counts (0292), and again after each segment saved.
        "untranslated": untranslated_segments(translation),
        "refresh_url": reverse("i18n_translation_editor_action", args=[translation.pk]),
    }


@require_GET
def translation_editor_action(request, translation_id):
    """The editor's footer as it stands now: its script redraws it as segments are saved."""
    instance = translation_target(translation_id)
    if instance is None or not can_edit(request.user, instance):
        raise PermissionDenied
    return render(
        request,
        "i18n/includes/translation_editor_action.html",
        {"action": editor_action(request.user, instance)},
    )


def awaiting_approval(instance):
    """Whether a reviewer's decision is awaited: only their "Approve and publish" publishes."""
    return isinstance(instance, WorkflowMixin) and instance.workflow_in_progress


def refuse_publish_while_awaiting_approval(request, instance):
    """
    wagtail-localize's editor publishes on a POST with action=publish, workflow or not: while
    the translation awaits approval that would bypass the review (issue 26), so it is refused,
    as a page from a tab opened before the translation was submitted may still offer it. (Those
    who may not publish are refused by wagtail-localize.)
    """
    if (
        request.POST.get("action") == "publish"
        and awaiting_approval(instance)
        and can_publish(request.user, instance)
        and enabled_translations_of(instance).exists()
    ):
        messages.error(
            request, _("This translation is awaiting approval: approve it to publish it.")
        )
        return redirect(request.path)
    return None


def publish_translation(request, instance):
    """
    wagtail-localize's "Publish in <language>", with a message that counts the untranslated
    segments as the status report does: the slug follows the source and is not asked of the
    translator, so a translation missing only its slug is published complete (0292).
    """
    if request.POST.get("action") != "publish" or not can_publish(request.user, instance):
        return None  # wagtail-localize answers (and refuses those who may not publish)
    translation = enabled_translations_of(instance).select_related("target_locale").first()
    if translation is None:
        return None
    names = {"object": str(instance), "locale": translation.target_locale.get_display_name()}
    try:
        translation.save_target(user=request.user, publish=True)
    except ValidationError:
        messages.error(
            request,
            _(
                "New validation errors were found when publishing '{object}' in {locale}. "
                "Please fix them or click publish again to ignore these translations for now."
            ).format(**names),
        )
        return redirect(request.path)
    instance.refresh_from_db()
    names["object"] = str(instance)
    if untranslated_segments(translation):
        messages.warning(
            request,
            _("Published '{object}' in {locale} with missing translations - see below.").format(
                **names
            ),
        )
    else:
        messages.success(request, _("Published '{object}' in {locale}.").format(**names))
    return redirect(request.path)


def locked_for(user, instance):
    """Why `user` may not change `instance` now (awaiting approval, locked), or None."""
    lock = instance.get_lock() if isinstance(instance, LockableMixin) else None
    if lock is None or not lock.for_user(user):
        return None
    return strip_tags(lock.get_message(user))


def translation_target(translation_id):
    """The object a translation writes to, or None before it has one (404 for no translation)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None  # wagtail-localize's view answers for a missing translation


def refused_while_locked(view):
    """wagtail-localize's view, refused while the translation is locked for the user (26)."""

    @functools.wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        instance = translation_target(translation_id)
        if instance is not None and (reason := locked_for(request.user, instance)):
            return JsonResponse({"detail": reason}, status=403)
        return view(request, translation_id, *args, **kwargs)

    return checked


def refused_without_a_po_file(view):
    """
    wagtail-localize's PO upload, answering a form sent with no file, or with a file it did not
    export (no translation id in its header), as it answers a file it cannot read: with its
    message and back to the editor, where its view raised a KeyError (a 500).
    """

    @functools.wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        upload = request.FILES.get("file")
        if upload is None or PO_TRANSLATION_ID.encode() not in upload.read():
            messages.error(request, _("Please upload a valid PO file."))
            return redirect(safe_next_url(request) or reverse("wagtailadmin_home"))
        upload.seek(0)
        return view(request, translation_id, *args, **kwargs)

    return checked


def with_localized_dates(view):
    """wagtail-localize's segment-edit view, the date in its answer's comment localized (0276)."""

    @functools.wraps(view)
    def localized(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and "comment" in data and not response.is_rendered:
            data["comment"] = localized_dates(data["comment"])
        return response

    return localized


def refused_unless_publisher(view):
    """
    Converting a translation into an alias of its source puts the source's text live in its
    place at once, and discards the translation: that is publishing, refused to those who may
    not publish the page or for whom it is locked (awaiting approval: decision 0290).
    """

    @functools.wraps(view)
    def checked(request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id)
        if not page.permissions_for_user(request.user).can_publish():
            messages.error(request, refusal_message(request.user, page))
            return redirect("wagtailadmin_pages:edit", page.pk)
        return view(request, page_id, *args, **kwargs)

    return checked


def refused_while_page_locked(view):
    """Stopping the synced translation of a page, refused while it is locked for the user."""

    @functools.wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        instance = translation_target(translation_id)
        if instance is not None and locked_for(request.user, instance):
            messages.error(request, refusal_message(request.user, instance))
            if isinstance(instance, Page):
                return redirect("wagtailadmin_pages:edit", instance.pk)
            return redirect(instance.snippet_viewset.get_url_name("edit"), quote(instance.pk))
        return view(request, translation_id, *args, **kwargs)

    return checked


def refusal_message(user, instance):
    # Wagtail's own words for a refusal, in every admin language.
    return locked_for(user, instance) or _("Sorry, you do not have permission to access this area.")


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
    path(
        "translations/<int:page_id>/review/",
        review_page_translation,
        name="i18n_review_translation",
    ),
    path(
        "translations/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/review/",
        review_snippet_translation,
        name="i18n_review_snippet_translation",
    ),
    path(
        "translations/editor/<int:translation_id>/action/",
        translation_editor_action,
        name="i18n_translation_editor_action",
    ),
    # Actions of the translation editor's menu that change or publish the translation.
    path(
        "localize/page/<int:page_id>/convert_to_alias/",
        refused_unless_publisher(convert.convert_to_alias),
    ),
    path(
        "localize/translate/<int:translation_id>/disable/",
        refused_while_page_locked(edit_translation.stop_translation),
    ),
    # The editor's segment, override, PO upload and machine translation endpoints, refused
    # while the translation is locked for its translator (awaiting approval, or locked).
    path(
        "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        refused_while_locked(with_localized_dates(edit_translation.edit_string_translation)),
    ),
    path(
        "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        refused_while_locked(edit_translation.edit_override),
    ),
    path(
        "localize/translate/<int:translation_id>/pofile/upload/",
        refused_while_locked(refused_without_a_po_file(edit_translation.upload_pofile)),
    ),
    path(
        "localize/translate/<int:translation_id>/machine_translate/",
        refused_while_locked(edit_translation.machine_translate),
    ),
]
