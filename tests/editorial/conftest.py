import pytest
from django.contrib.auth.models import Group

from citynet.editorial.roles import COMMUNICATIONS, SECONDEES
from tests import factories


def member_of(group_name, **kwargs):
    user = factories.UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def secondee(db):
    return member_of(SECONDEES, username="secondee")


@pytest.fixture
def other_secondee(db):
    return member_of(SECONDEES, username="other-secondee")


@pytest.fixture
def comms(db):
    return member_of(COMMUNICATIONS, username="comms")


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
