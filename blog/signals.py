"""
An article's search index holds the names of its live authors (ArticlePage.author_names):
publishing or unpublishing a person changes them, so the articles naming any translation of
that person are indexed again. A person's draft changes nothing (decision 0125).
"""

from wagtail.search import index
from wagtail.signals import published, unpublished

from citynet.people.models import Person

from .models import ArticlePage


def reindex_articles_of(sender, instance, **kwargs):
    articles = ArticlePage.objects.filter(
        authors__person__translation_key=instance.translation_key
    ).distinct()
    for article in articles:
        index.insert_or_update_object(article)


def connect():
    for signal in (published, unpublished):
        signal.connect(reindex_articles_of, sender=Person, dispatch_uid="blog_reindex_articles")
