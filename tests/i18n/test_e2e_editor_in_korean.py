"""
wagtail-localize's translation editor in headless Chromium, for a secondee whose admin is Korean:
the words its JavaScript draws come from our Korean catalogue (decision 0235), none in English.
Deselect with `-m "not e2e"`.
"""

import pytest

from tests.i18n.test_e2e_translation import open_korean_translation
from tests.live.fixtures import log_in

pytestmark = pytest.mark.e2e

SETUP = """
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from citynet.editorial.roles import SECONDEES
from home.models import HomePage
from tests import factories

home = HomePage.objects.get(depth=2)
blog = factories.BlogIndexPageFactory(parent=home, title="Blog", slug="blog")
korean = Locale.objects.get(language_code="ko")
home.copy_for_translation(korean, alias=True)
blog.copy_for_translation(korean).save_revision().publish()
secondee = factories.UserFactory(username="secondee_ko")
secondee.groups.add(Group.objects.get(name=SECONDEES))
UserProfile.objects.update_or_create(user=secondee, defaults={"preferred_language": "ko"})
article = factories.ArticlePageFactory(parent=blog, title="Water for every village", owner=secondee)
article.save_revision(user=secondee).publish()
print(article.pk)
"""


@pytest.fixture(scope="module")
def live_site_setup():
    return SETUP


def test_the_translation_editor_draws_korean_words(live_site, browser):
    article_id = live_site.blog_index_id  # SETUP prints the article's id
    secondee = log_in(browser, live_site, "secondee_ko")
    open_korean_translation(secondee, live_site, article_id, "한국어")

    # Words wagtail-localize's Korean catalogue left in English, or gave as "번역하다".
    secondee.get_by_role("button", name="번역하기", exact=True).first.wait_for()
    assert secondee.get_by_role("button", name="Translate", exact=True).count() == 0
    assert secondee.get_by_role("button", name="번역하다", exact=True).count() == 0
    downloads = secondee.locator("a[download]").all_inner_texts()
    assert downloads and all(text.strip() == "PO 파일 다운로드" for text in downloads)
    # The heading its script writes in English ("영어 to 한국어 translation"; decision 0276).
    secondee.get_by_role("heading", name="영어 → 한국어 번역", exact=True).first.wait_for()
    assert secondee.get_by_role("heading", name="영어 to 한국어 translation").count() == 0
