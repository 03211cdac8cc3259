from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "citynet.i18n"
    label = "i18n"
    verbose_name = "Languages and translation"

    def ready(self):
        from citynet.wagtail_internals import let_translators_edit_by

        from . import checks, signals  # noqa: F401  (registers the checks and signal handlers)
        from .permissions import can_edit

        # wagtail-localize asks for the snippet model's add/change/delete permission before each
        # segment edit; ask the snippet's permission policy about the object instead (0124).
        let_translators_edit_by(can_edit)
