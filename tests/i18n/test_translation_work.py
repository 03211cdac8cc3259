"""The translators' work: the report's actions, their languages, notices of outdated
translations, new language sections and machine translation."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, WorkflowPage
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from citynet.i18n.models import OutdatedTranslationNotice, TranslatorProfile
from citynet.i18n.translations import translate
from tests import factories

REPORT = reverse("i18n_translation_status")


def cell(html, page, language):
    """The report's cell for this page and language, as HTML."""
    row = re.search(
        rf'<tr>\s*<td class="title">\s*<a href="/admin/pages/{page.pk}/edit/">.*?</tr>', html, re.S
    ).group(0)
    return re.search(rf'<td data-locale="{language}"[^>]*>(.*?)</td>', row, re.S).group(0)


def translates(user, *languages):
    profile, _ = TranslatorProfile.objects.get_or_create(user=user)
    profile.languages.set(Locale.objects.filter(language_code__in=languages))
    return user


@pytest.fixture
def korean_translation(own_article, korean_blog_index, secondee):
    """The secondee's article, translated by them into Korean, and published by communications."""
    return translated_by(secondee, own_article, {own_article.title: "모든 도시를 위한 물"})


def translated_by(user, page, strings):
    """Every segment translated (those not in `strings` marked "[ko] …"), then published."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    every = {
        segment.string.data: f"[ko] {segment.string.data}"
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    }
    translation = translate(page, "ko", every | strings, user=user, publish=False)
    translation.get_latest_revision().publish(skip_permission_checks=True)
    return translation


def republish(page, django_capture_on_commit_callbacks, title):
    page.title = title
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


# The report


@pytest.mark.django_db
def test_the_report_offers_translate_and_sync_to_whoever_may(
    client,
    secondee,
    own_article,
    others_article,
    korean_translation,
    django_capture_on_commit_callbacks,
):
    republish(own_article, django_capture_on_commit_callbacks, "Water for every city, revised")
    source = TranslationSource.objects.get_for_instance(own_article)
    client.force_login(secondee)

    html = client.get(REPORT).content.decode()

    outdated = cell(html, own_article, "ko")
    assert 'data-status="outdated"' in outdated
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert f'href="{sync}" class="button button-small button-secondary" data-action="sync"' in (
        outdated
    )
    # Missing where there is no section in that language: nothing a secondee can start.
    assert 'data-action="translate"' not in cell(html, own_article, "th")
    # Someone else's article: no action at all.
    assert "data-action" not in cell(html, others_article, "ko")


@pytest.mark.django_db
def test_a_missing_cell_offers_translate_with_the_language_chosen(
    client, comms, others_article, korean_blog_index
):
    client.force_login(comms)

    html = client.get(REPORT).content.decode()

    translate_url = reverse("wagtail_localize:submit_page_translation", args=[others_article.pk])
    for language in ("ko", "th"):
        assert f'href="{translate_url}?select_locale={language}"' in cell(
            html, others_article, language
        )
    form = client.get(f"{translate_url}?select_locale=ko").context["form"]
    assert [locale.language_code for locale in form.initial["locales"]] == ["ko"]


@pytest.mark.django_db
def test_translators_choose_their_languages_in_their_account(client, secondee):
    client.force_login(secondee)
    korean, thai = Locale.objects.filter(language_code__in=["ko", "th"]).order_by("language_code")
    account = client.get(reverse("wagtailadmin_account"))
    assert b"Translation languages" in account.content

    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "translation_languages-languages": [korean.pk, thai.pk],
            "name_email-first_name": "Min-ji",
            "name_email-last_name": "Park",
            "name_email-email": "secondee@example.org",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Asia/Seoul",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )

    assert response.status_code == 302
    assert set(
        TranslatorProfile.languages_of(secondee).values_list("language_code", flat=True)
    ) == {
        "ko",
        "th",
    }


@pytest.mark.django_db
def test_the_report_filters_to_my_languages(client, secondee, own_article):
    translates(secondee, "ko", "ja")
    client.force_login(secondee)

    mine = client.get(REPORT, {"mine": "on"}).context["locales"]
    every = client.get(REPORT).context["locales"]

    assert [locale.language_code for locale in mine] == ["ja", "ko"]
    assert len(every) == 7


# Outdated translations


@pytest.mark.django_db
def test_translators_hear_when_a_source_changes(
    client,
    secondee,
    other_secondee,
    comms,
    own_article,
    korean_translation,
    django_capture_on_commit_callbacks,
):
    translates(comms, "ko")  # may edit every Korean page in the blog
    translates(other_secondee, "ko")  # may not edit this one: not told
    japanese_only = translates(
        type(comms).objects.create(username="ja-comms", email="ja@example.org"), "ja"
    )
    japanese_only.groups.set(comms.groups.all())

    republish(own_article, django_capture_on_commit_callbacks, "Water for every city, revised")

    source = TranslationSource.objects.get_for_instance(own_article)
    sync_url = "http://testserver" + reverse(
        "wagtail_localize:update_translations", args=[source.pk]
    )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "comms@example.org",
        "secondee@example.org",
    ]
    assert sync_url in mail.outbox[0].body
    assert "Korean" in mail.outbox[0].body
    assert set(OutdatedTranslationNotice.objects.values_list("user__username", "translation")) == {
        ("secondee", korean_translation.pk),
        ("comms", korean_translation.pk),
    }

    client.force_login(secondee)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your translations to sync" in dashboard
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in dashboard

    # Published again before anyone synced: the translation was already outdated, no new mail.
    mail.outbox.clear()
    republish(own_article, django_capture_on_commit_callbacks, "Water for every city, again")
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_synced_translation_leaves_the_dashboard(
    client, secondee, own_article, korean_translation, django_capture_on_commit_callbacks
):
    republish(own_article, django_capture_on_commit_callbacks, "Water for every city, revised")
    client.force_login(secondee)
    before = client.get(reverse("wagtailadmin_home")).content.decode()

    translated_by(secondee, own_article, {"Water for every city, revised": "물"})

    after = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your translations to sync" in before
    assert "Your translations to sync" not in after


@pytest.mark.django_db
def test_publishing_a_translation_tells_nobody(
    secondee, own_article, korean_translation, django_capture_on_commit_callbacks
):
    translates(secondee, "ko")
    mail.outbox.clear()
    republish(korean_translation, django_capture_on_commit_callbacks, "물")
    assert mail.outbox == []


# A new language section


@pytest.mark.django_db
def test_communications_open_a_new_language_section_by_translating_it(
    client, comms, blog_index, django_capture_on_commit_callbacks
):
    thai = Locale.objects.get(language_code="th")
    client.force_login(comms)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[blog_index.pk]),
            {"locales": [thai.pk]},
        )
        thai_blog = blog_index.get_translation(thai)
        client.post(reverse("wagtailadmin_pages:edit", args=[thai_blog.pk]), {"action": "publish"})

    thai_blog.refresh_from_db()
    assert thai_blog.live
    # The roles' rights and the approval workflow follow the new section.
    assert set(
        GroupPagePermission.objects.filter(page=thai_blog).values_list(
            "group__name", "permission__codename"
        )
    ) >= {("Secondment staff", "add_page"), ("Communications team", "publish_page")}
    assert WorkflowPage.objects.filter(page=thai_blog).exists()
    # Reachable, and listed by the English section's language switcher.
    assert client.get("/th/blog/").status_code == 200
    english = client.get("/en/blog/").content.decode()
    assert 'hreflang="th"' in english


# Machine translation


@pytest.mark.django_db
def test_machine_translation_uses_the_configured_translator(
    client, settings, secondee, own_article, korean_blog_index
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "tests.i18n.translator.BracketTranslator",
        "OPTIONS": {},
    }
    client.force_login(secondee)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[own_article.pk]),
        {"locales": [Locale.objects.get(language_code="ko").pk]},
    )
    translation = Translation.objects.get(
        source__object_id=own_article.translation_key, target_locale__language_code="ko"
    )

    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))

    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale__language_code="ko", data=f"[ko] {own_article.title}"
    ).exists()


@pytest.mark.django_db
def test_the_report_offers_no_translate_for_a_draft_never_published(
    client, secondee, blog_index, korean_blog_index
):
    """Issue 26: the docs say to publish first; the report offered Translate on drafts."""
    draft = factories.ArticlePageFactory(parent=blog_index, live=False, owner=secondee)
    draft.save_revision(user=secondee)
    client.force_login(secondee)

    html = client.get(REPORT).content.decode()

    assert 'data-action="translate"' not in cell(html, draft, "ko")
