"""
The factories that live beside each app's models, gathered for the tests
(`from tests import factories`). Pages need a `parent`. Benchmarks import the apps' own modules.
"""

from blog.factories import (
    ArticleAuthorFactory,
    ArticlePageFactory,
    ArticlePartnerFactory,
    ArticleProgramFactory,
    BlogIndexPageFactory,
)
from citynet.core.factories import UserFactory, paragraph
from citynet.images.factories import ImageFactory
from citynet.people.factories import PersonFactory
from citynet.taxonomy.factories import ThemeFactory
from home.factories import HomePageFactory
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from programs.factories import ProgramIndexPageFactory, ProgramPageFactory, ProgramPartnerFactory

__all__ = [
    "UserFactory",
    "ImageFactory",
    "ThemeFactory",
    "PersonFactory",
    "paragraph",
    "HomePageFactory",
    "BlogIndexPageFactory",
    "ArticlePageFactory",
    "ArticleAuthorFactory",
    "ArticleProgramFactory",
    "ArticlePartnerFactory",
    "ProgramIndexPageFactory",
    "ProgramPageFactory",
    "ProgramPartnerFactory",
    "PartnerIndexPageFactory",
    "PartnerPageFactory",
]
