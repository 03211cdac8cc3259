from django.apps import AppConfig
from wagtail.signals import workflow_submitted


class I18nConfig(AppConfig):
    name = "citynet.i18n"
    label = "i18n"
    verbose_name = "Languages and translation"

    def ready(self):
        # Imported here, once the models are loaded: these modules import models.
        from citynet.wagtail_internals import (
            let_translators_edit_by,
            send_comment_emails_through,
            send_workflow_emails_through,
        )

        from . import checks, signals  # noqa: F401  (registers the checks and signal handlers)
        from .permissions import can_edit
        from .staff_emails import in_default_language

        # wagtail-localize asks for the snippet model's add/change/delete permission before each
        # segment edit; ask the snippet's permission policy about the object instead (0124).
        let_translators_edit_by(can_edit)
        # Wagtail's workflow emails fall back on the acting reviewer's language (0265). The
        # workflow's own "submitted" email, sent to superusers only, is left out: they are sent
        # the stage's "submitted for approval" email, which says the same (0294).
        send_workflow_emails_through(in_default_language, without={workflow_submitted})
        # and so do the page editor's comment emails, sent from its edit view (0277).
        send_comment_emails_through(in_default_language)
