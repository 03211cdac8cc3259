import pytest
from wagtail.models import Locale

from tests import factories


@pytest.fixture
def korean(db):
    return Locale.objects.get(language_code="ko")


@pytest.fixture
def korean_home_page(home_page, korean):
    return home_page.copy_for_translation(korean, alias=False)


@pytest.fixture
def korean_blog_index(blog_index, korean_home_page, korean):
    page = blog_index.copy_for_translation(korean)
    page.save_revision().publish()
    return page


@pytest.fixture
def article_in(blog_index):
    """Make a live article with this body, in the blog index given (English by default)."""

    def make(body, title="A story from the network", parent=None):
        return factories.ArticlePageFactory(
            parent=parent or blog_index, title=title, body=[factories.paragraph(body)]
        )

    return make


@pytest.fixture
def own_article(blog_index, secondee):
    """A live English article written by the secondee."""
    article = factories.ArticlePageFactory(
        parent=blog_index, title="Water for every city", owner=secondee
    )
    article.save_revision(user=secondee).publish()
    return article


@pytest.fixture
def others_article(blog_index, other_secondee):
    article = factories.ArticlePageFactory(
        parent=blog_index, title="Someone else's story", owner=other_secondee
    )
    article.save_revision(user=other_secondee).publish()
    return article
