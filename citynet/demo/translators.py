"""
The secondee as a translator: Korean is their translation language, their person profile is
theirs to edit and translate, and their article on the World Urban Forum is translated into
Korean by them and awaiting the communications team's approval.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from citynet.i18n.models import TranslatorProfile
from citynet.i18n.translations import translate
from citynet.people.models import Person

from .translations import english_page

WUF9 = "notes-from-the-ninth-world-urban-forum"
WUF9_KOREAN = {
    "Notes from the Ninth World Urban Forum in Kuala Lumpur": (
        "쿠알라룸푸르 제9차 세계도시포럼 참관기"
    ),
    WUF9: WUF9,
}


def load_translators(log):
    secondee = get_user_model().objects.filter(username="secondee").first()
    if secondee is None:
        return
    korean = Locale.objects.get(language_code="ko")
    profile, created = TranslatorProfile.objects.get_or_create(user=secondee)
    if created:
        profile.languages.add(korean)
        log("Secondee translates into Korean")
    min_ji = Person.objects.get(name="Min-ji Park", locale=Locale.get_default())
    Person.objects.filter(translation_key=min_ji.translation_key, user=None).update(user=secondee)

    article = english_page(WUF9)
    if article.has_translation(korean):
        return
    article.owner = secondee
    article.save(update_fields=["owner"])
    translated = translate(article, "ko", WUF9_KOREAN, publish=False, user=secondee)
    translated.get_workflow().start(translated, secondee)
    log(f"Translated into Korean by the secondee, awaiting approval: {translated}")
