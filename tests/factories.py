"""Factories for every model the tests and benchmarks need. Pages need a `parent`."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.rich_text import RichText

from blog.models import ArticleAuthor, ArticlePage, ArticlePartner, ArticleProgram, BlogIndexPage
from citynet.images.models import CustomImage
from citynet.people.models import Person
from citynet.taxonomy.models import Theme
from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from programs.models import ProgramIndexPage, ProgramPage, ProgramPartner


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")
    caption = "Delegates at the opening session"
    credit = "Photo: courtesy of CityNet"

    class Meta:
        model = CustomImage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    kind = Theme.Kind.CLUSTER

    class Meta:
        model = Theme


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")
    role = "Secondment Staff"
    organisation = "Seoul Metropolitan Government"
    bio = "Works on urban resilience programs across the network."

    class Meta:
        model = Person


class HomePageFactory(wagtail_factories.PageFactory):
    title = "CityNet"
    introduction = "Cities working together."

    class Meta:
        model = HomePage


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    standfirst = "How cities share what they learn."
    date_published = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(n))
    body = factory.LazyFunction(
        lambda: [paragraph("Cities across the region met to compare notes.")]
    )

    class Meta:
        model = ArticlePage


class ArticleAuthorFactory(factory.django.DjangoModelFactory):
    article = factory.SubFactory(ArticlePageFactory)
    person = factory.SubFactory(PersonFactory)

    class Meta:
        model = ArticleAuthor


class ArticleProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleProgram


class ArticlePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePartner


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programs"
    slug = "programs"

    class Meta:
        model = ProgramIndexPage


class ProgramPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    kind = ProgramPage.Kind.WORKSHOP
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(
        lambda program: program.start_date + datetime.timedelta(days=2)
    )
    time_zone = "Asia/Seoul"
    city = "Seoul"
    country = "KR"
    venue = "Seoul City Hall"
    summary = "A hands-on workshop for city officials."

    class Meta:
        model = ProgramPage


class ProgramPartnerFactory(factory.django.DjangoModelFactory):
    role = ProgramPartner.Role.ORGANISER

    class Meta:
        model = ProgramPartner


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = PartnerPage.Kind.INTERNATIONAL
    country = "KR"
    city = "Seoul"
    website = "https://partner.example.org/"

    class Meta:
        model = PartnerPage
