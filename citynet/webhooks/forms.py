from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale, Page, get_page_models

from .events import EVENT_CHOICES, SUBSCRIBABLE
from .models import Subscription
from .transport import Refused, check_url


def validate_target_url(url):
    """The scheme and literal addresses, at save time. Names are checked at every delivery."""
    try:
        check_url(url)
    except Refused as error:
        message = str(error)
        raise ValidationError(f"{message[0].upper()}{message[1:]}.") from None


def sections():
    """Sections are the pages below the home pages; pick them in the default language."""
    return Page.objects.filter(depth=3, locale=Locale.get_default()).order_by("path")


class SubscriptionForm(WagtailAdminModelForm):
    url = forms.URLField(label=_("Target URL"), max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[choice for choice in EVENT_CHOICES if choice[0] in SUBSCRIBABLE],
        widget=forms.CheckboxSelectMultiple,
    )
    page_types = forms.ModelMultipleChoiceField(
        label=_("Page types"),
        queryset=ContentType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only pages of these types (page events). None ticked: every type."),
    )
    locales = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Locale.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these languages. None ticked: every language."),
    )
    sections = forms.ModelMultipleChoiceField(
        label=_("Sections"),
        queryset=Page.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only pages in these sections, in every language. None ticked: all pages."),
    )

    class Meta:
        model = Subscription
        fields = ["url", "description", "events", "page_types", "locales", "sections", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page_types"].queryset = ContentType.objects.filter(
            pk__in=[
                ContentType.objects.get_for_model(model).pk
                for model in get_page_models()
                if model is not Page
            ]
        ).order_by("app_label", "model")
        self.fields["sections"].queryset = sections()

    def clean_url(self):
        url = self.cleaned_data["url"]
        validate_target_url(url)
        return url
