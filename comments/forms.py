"""The comment form, shared by the article page and the API so both apply the same rules."""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import Jinja2
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import MAX_DEPTH, MAX_LENGTH, ReaderComment
from .tokens import check_form_token


class ReaderCommentForm(forms.Form):
    # Django's Jinja2 templates of its widgets give the markup of its default ones in a fraction
    # of the time; the form is on every article and program page (decision 0350).
    default_renderer = Jinja2()

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    author_name = forms.CharField(label=_("Name"), max_length=100)
    author_email = forms.EmailField(
        label=_("Email"), help_text=_("Never shown. We send you a link to confirm it.")
    )
    author_url = forms.URLField(
        label=_("Website (optional)"), required=False, max_length=200, assume_scheme="https"
    )
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Your comment is too long: at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
    )
    # The honeypot: hidden from people by CSS and labelled for screen readers; bots fill it in.
    fax = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, page, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.user = user if user is not None and user.is_authenticated else None
        if self.user:
            # Signed-in readers comment as themselves.
            for name in ("author_name", "author_email"):
                self.fields[name].required = False

    def fields_html(self):
        """
        The form's fields (comments/fields.html). An empty form's are the same on every page and
        for every reader, who is not signed in when the page is rendered: they are rendered once
        per language (decision 0420).
        """
        if self.is_bound or self.user:
            return render_to_string("comments/fields.html", {"form": self})
        return empty_fields_html(translation.get_language())

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = ReaderComment.objects.approved().filter(pk=parent_id, page=self.page).first()
        if parent is None:
            raise ValidationError(_("The comment you are replying to is not available."))
        if parent.depth >= MAX_DEPTH:
            raise ValidationError(_("Replies go at most three levels deep."))
        return parent

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fax"):
            raise ValidationError(
                _("This looks like an automated submission. Leave the last field empty."),
                code="honeypot",
            )
        cleaned["form_key"] = check_form_token(
            cleaned.get("token"), self.page.pk, self.user.pk if self.user else None
        )
        if self.user:
            cleaned["author_name"] = self.user.get_full_name() or self.user.get_username()
            cleaned["author_email"] = self.user.email
        return cleaned


@functools.cache
def empty_fields_html(language_code):
    """An empty form's fields, in a language; they depend on nothing else."""
    with translation.override(language_code):
        return render_to_string("comments/fields.html", {"form": ReaderCommentForm(page=None)})
