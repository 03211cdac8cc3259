"""Factories for the blog (pages need a `parent`)."""

import datetime

import factory
import wagtail_factories

from blog.models import ArticleAuthor, ArticlePage, ArticlePartner, ArticleProgram, BlogIndexPage
from citynet.core.factories import paragraph
from citynet.people.factories import PersonFactory


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


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
