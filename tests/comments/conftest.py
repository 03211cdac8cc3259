import secrets
import time

import pytest
from django.core import signing

from comments.models import ReaderComment
from comments.tokens import COMMENTER_COOKIE, COMMENTER_SALT, FORM_SALT
from tests import factories


def aged_token(page_id, user_id=None, age=60):
    """A form token issued `age` seconds ago, as if the reader had taken that long to write."""
    data = {"p": page_id, "u": user_id, "t": time.time() - age, "k": secrets.token_urlsafe(16)}
    return signing.dumps(data, salt=FORM_SALT)


def form_data(page, **overrides):
    data = {
        "page": page.pk,
        "token": aged_token(page.pk),
        "author_name": "Ana Reader",
        "author_email": "ana@example.org",
        "author_url": "",
        "text": "Thank you for this article.",
        "fax": "",
    }
    return {**data, **overrides}


@pytest.fixture
def article(blog_index, secondee):
    """A live article owned (written) by the secondee."""
    page = factories.ArticlePageFactory(parent=blog_index, owner=secondee, title="Seoul data")
    page.save_revision(user=secondee).publish()
    return page


@pytest.fixture
def other_article(blog_index, other_secondee):
    page = factories.ArticlePageFactory(parent=blog_index, owner=other_secondee, title="Other")
    page.save_revision(user=other_secondee).publish()
    return page


@pytest.fixture
def make_comment(article):
    def make(page=None, **kwargs):
        fields = {
            "page": page or article,
            "author_name": "Ana Reader",
            "author_email": "ana@example.org",
            "text": "A comment.",
            "status": ReaderComment.Status.APPROVED,
            "ip_address": "192.0.2.1",
        }
        return ReaderComment.objects.create(**(fields | kwargs))

    return make


def post_comment(client, page, prefix="/en", **overrides):
    return client.post(f"{prefix}/comments/post/", form_data(page, **overrides))


def prove_email(client, email):
    """The cookie that confirming the emailed link leaves in the reader's browser (test_posting)."""
    signer = signing.get_cookie_signer(salt=COMMENTER_COOKIE + COMMENTER_SALT)
    client.cookies[COMMENTER_COOKIE] = signer.sign(email)


# The article the browser tests comment on, in tests/live/sites.py's blog; prints its path.
ARTICLE = """
from blog.models import BlogIndexPage
from django.contrib.auth import get_user_model
from tests import factories

blog = BlogIndexPage.objects.get()
owner = get_user_model().objects.get(username="secondee")
article = factories.ArticlePageFactory(parent=blog, title="Seoul opens its data", owner=owner)
article.save_revision().publish()
print(article.url)
"""


@pytest.fixture(scope="module")
def live_site(live_site):
    """The harness's site with an article to comment on, at `article_url`."""
    live_site.article_url = live_site.url + live_site.shell(ARTICLE)
    return live_site
