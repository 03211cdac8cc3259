"""Values for the StreamField blocks of citynet/core/blocks.py, and the base of index pages'
factories (citynet/core/pages.py, IndexPage)."""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.rich_text import RichText


class IndexPageFactory(wagtail_factories.PageFactory):
    """A section's index (pages need a `parent`): subclasses set its title and model."""

    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))
