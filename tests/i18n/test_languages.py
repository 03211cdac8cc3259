import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from citynet.i18n.checks import check_locale_fallbacks
from citynet.i18n.languages import fallback_chain, local_name
from tests.factories import UserFactory

LANGUAGES = ["en", "zh-hant", "zh-hans", "ja", "ko", "id", "vi", "th"]


@pytest.mark.django_db
def test_migrations_create_a_locale_for_every_language():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)


@pytest.mark.parametrize(
    ("language", "chain"),
    [
        ("zh-hant", ["zh-hant", "zh-hans", "en"]),
        ("zh-hans", ["zh-hans", "zh-hant", "en"]),
        ("ko", ["ko", "en"]),
        ("th", ["th", "en"]),
        ("en", ["en"]),
    ],
)
def test_each_language_falls_back_along_its_chain_to_english(language, chain):
    assert fallback_chain(language) == chain


def test_languages_are_named_in_themselves_for_the_switcher():
    assert [local_name(code) for code in ("zh-hant", "ko", "th", "vi")] == [
        "繁體中文",
        "한국어",
        "ภาษาไทย",
        "Tiếng Việt",
    ]


def test_the_current_settings_pass_the_fallback_check():
    assert check_locale_fallbacks(None) == []


@override_settings(LOCALE_FALLBACKS={"ko": ["ms", "en"]})
def test_a_fallback_to_a_language_the_site_does_not_have_is_an_error():
    [error] = check_locale_fallbacks(None)
    assert error.id == "i18n.E001"
    assert "'ms'" in error.msg


@pytest.mark.django_db
def test_adding_a_language_is_a_setting_and_a_command():
    languages = [(code, code) for code in LANGUAGES] + [("ms", "Malay")]
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=languages, LANGUAGES=languages):
        call_command("sync_locales")
    assert Locale.objects.filter(language_code="ms").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("preferred_language", "dashboard_word"),
    [("ko", "대시보드"), ("ja", "ダッシュボード"), ("id-id", "Dasbor"), ("zh-hant", "控制面板")],
)
def test_the_admin_speaks_each_users_chosen_language(client, preferred_language, dashboard_word):
    user = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = preferred_language
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert dashboard_word in response.content.decode()
