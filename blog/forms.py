from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from citynet.people.models import Person
from citynet.taxonomy.forms import ThemedPageForm
from citynet.taxonomy.models import Theme


class ArticleFilterForm(forms.Form):
    """The blog index filters. Choices list only what the index's articles use."""

    tag = forms.ChoiceField(label=_("Tag"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    author = forms.TypedChoiceField(label=_("Author"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, articles):
        super().__init__(data)
        tags = Tag.objects.filter(blog_articlepagetag_items__content_object__in=articles)
        themes = Theme.objects.filter(articles__in=articles)
        authors = Person.objects.filter(authored_articles__article__in=articles, live=True)
        self.fields["tag"].choices = [("", _("All tags"))] + [
            (tag.slug, tag.name) for tag in tags.distinct().order_by("name")
        ]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, str(theme)) for theme in themes.distinct()
        ]
        self.fields["author"].choices = [("", _("All authors"))] + [
            (person.pk, person.name) for person in authors.distinct()
        ]


class ArticlePageForm(ThemedPageForm):
    """
    The admin's article form. A draft may have no author yet; submitting it for approval or
    publishing it needs one (decisions 0241 and 0261).
    """

    def clean(self):
        cleaned_data = super().clean()
        # Wagtail defers required fields for Save draft only. A v3 API update has no authors
        # formset unless it changes the authors.
        authors = self.formsets.get("authors")
        if (
            authors is not None
            and not self.is_deferred_validation
            and authors.is_valid()
            and not any(
                form.cleaned_data and not form.cleaned_data.get("DELETE") for form in authors
            )
        ):
            self.add_error(None, _("Add at least one author."))
        return cleaned_data
