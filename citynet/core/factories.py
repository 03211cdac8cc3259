"""Values for the StreamField blocks of citynet/core/blocks.py, the base of index pages'
factories (citynet/core/pages.py, IndexPage), and user accounts, which every app's editors,
readers and API clients have."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.rich_text import RichText


class IndexPageFactory(wagtail_factories.PageFactory):
    """A section's index (pages need a `parent`): subclasses set its title and model."""

    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
