"""A machine translator for tests: it sends nothing anywhere, and marks what it translated."""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class BracketTranslator(BaseMachineTranslator):
    display_name = "Brackets"

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue.from_plaintext(f"[{target_locale.language_code}] {string.data}")
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale != target_locale
