"""
The secondee as a translator: Korean is their translation language, their person profile is
theirs to edit and translate, and their article on the World Urban Forum is translated into
Korean by them, every segment, and awaiting the communications team's approval.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from citynet.i18n.models import TranslatorProfile
from citynet.i18n.translations import translate
from citynet.people.models import Person

from .translations import english_page

WUF9 = "notes-from-the-ninth-world-urban-forum"
# Every segment, as the secondee must translate them all before submitting (decision 0310).
WUF9_KOREAN = {
    "Notes from the Ninth World Urban Forum in Kuala Lumpur": (
        "쿠알라룸푸르 제9차 세계도시포럼 참관기"
    ),
    WUF9: WUF9,
    "The forum met in Kuala Lumpur from 7 to 13 February 2018 under the theme “Cities 2030, "
    "Cities for All: Implementing the New Urban Agenda”.": (
        "포럼은 2018년 2월 7일부터 13일까지 쿠알라룸푸르에서 “도시 2030, 모두를 위한 도시: "
        "새로운 도시 의제의 이행”을 주제로 열렸습니다."
    ),
    "The World Urban Forum is convened by UN-Habitat every two years. Its ninth session was "
    "the first since the New Urban Agenda was adopted, and many sessions asked how cities will "
    "put it into practice.": (
        "세계도시포럼은 유엔 해비타트가 2년마다 개최합니다. 제9차 포럼은 새로운 도시 의제가 "
        "채택된 뒤 처음 열린 포럼으로, 많은 세션에서 도시가 이를 어떻게 실천할지를 논의했습니다."
    ),
    "Three things member cities took home": "회원 도시들이 얻어 간 세 가지",
    "Plan for the people who are already there. Measure what changes. Work with national "
    "governments early, because many of the tools a city needs are set nationally.": (
        "이미 그곳에 사는 사람들을 위해 계획하십시오. 무엇이 바뀌는지 측정하십시오. 도시에 필요한 "
        "수단의 상당수는 국가가 정하므로 중앙정부와 일찍부터 협력하십시오."
    ),
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
