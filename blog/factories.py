"""Factories for the blog (pages need a `parent`)."""

import datetime

import factory
import wagtail_factories

from blog.models import ArticleAuthor, ArticlePage, ArticlePartner, ArticleProgram, BlogIndexPage
from citynet.core.factories import IndexPageFactory, paragraph
from citynet.people.factories import PersonFactory


class BlogIndexPageFactory(IndexPageFactory):
    title = "Blog"

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

    # Tags by name, `ArticlePageFactory(tags=["water"])`: they join the page's cluster before
    # its first save, as in the editor, rather than in a second save with its own side effects.
    @classmethod
    def _build(cls, model_class, *args, tags=(), **kwargs):
        article = super()._build(model_class, *args, **kwargs)
        article.tags.add(*tags)
        return article

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags = kwargs.pop("tags", ())
        article = model_class(**kwargs)
        article.tags.add(*tags)
        parent.add_child(instance=article)
        return article


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
