import pytest

from tests import factories


@pytest.fixture
def admin_user(db):
    return factories.UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def author(db):
    return factories.PersonFactory(name="Kim Min-jun")


@pytest.fixture
def draft_article(blog_index, secondee, author):
    """A draft article owned by the secondee, with one saved revision."""
    article = factories.ArticlePageFactory(parent=blog_index, live=False, owner=secondee)
    factories.ArticleAuthorFactory(article=article, person=author)
    article.save_revision(user=secondee)
    return article


@pytest.fixture
def live_article(blog_index, other_secondee, author):
    article = factories.ArticlePageFactory(parent=blog_index, owner=other_secondee)
    factories.ArticleAuthorFactory(article=article, person=author)
    article.save_revision(user=other_secondee).publish()
    return article
