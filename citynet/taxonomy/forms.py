from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm


class ThemedPageForm(WagtailAdminPageForm):
    """
    The admin form of a page with themes. Theme is translatable: a page is offered the themes
    of its own locale (a new page takes its parent's), and keeps any it already has, such as an
    untranslated theme synchronised from its source page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:  # a v3 API update may leave it out
            field = self.fields["themes"]
            chosen = [theme.pk for theme in self.initial.get("themes", [])]
            field.queryset = field.queryset.filter(
                Q(locale_id=self.instance.locale_id) | Q(pk__in=chosen)
            )
