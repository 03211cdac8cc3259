"""Who may start, edit, sync and publish translations, of pages and of snippets."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from blog.models import ArticlePage
from citynet.i18n.source_changes import NOT_TRANSLATED
from citynet.people.models import Person
from citynet.taxonomy.models import Theme
from tests import factories

TITLE = "모든 도시를 위한 물"


def submit_page_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def submit_snippet_url(snippet):
    meta = snippet._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, snippet.pk],
    )


def sync_url(instance):
    source = TranslationSource.objects.get_for_instance(instance)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def start(client, instance, *languages, url=None):
    locales = Locale.objects.filter(language_code__in=languages)
    url = url or (
        submit_page_url(instance) if isinstance(instance, Page) else submit_snippet_url(instance)
    )
    return client.post(url, {"locales": [locale.pk for locale in locales]})


def edit_segment(client, translation, value="번역"):
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def translate_every_segment(client, translation, **texts):
    """Translate every segment a translator is asked for (not the slug, decision 0170): those
    whose path is in `texts` with its text, the title with TITLE, the others with a word."""
    texts = {"title": TITLE, **texts}
    segments = StringSegment.objects.filter(source=translation.source).exclude(
        context__path__in=NOT_TRANSLATED
    )
    for segment in segments.select_related("context"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        value = texts.get(segment.context.path, "번역")
        response = client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201)


def refused(response):
    """Wagtail answers a refused admin request with a redirect to the dashboard, or 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def korean_of(instance):
    return instance.get_translation(Locale.objects.get(language_code="ko"))


def translation_into_korean(instance):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code="ko"
    )


@pytest.fixture
def korean_article(client, secondee, own_article, korean_blog_index):
    """The secondee's article, submitted for translation into Korean by the secondee."""
    client.force_login(secondee)
    start(client, own_article, "ko")
    client.logout()
    return korean_of(own_article)


@pytest.fixture
def own_profile(secondee):
    return factories.PersonFactory(name="Park Min-ji", user=secondee)


# Starting a translation


@pytest.mark.django_db
def test_anonymous_cannot_reach_any_translation_action(client, own_article, own_profile):
    TranslationSource.get_or_create_from_instance(own_article)
    for url in (
        submit_page_url(own_article),
        submit_snippet_url(own_profile),
        sync_url(own_article),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_secondee_translates_own_article_into_a_language_with_a_section(
    client, secondee, own_article, korean_blog_index
):
    client.force_login(secondee)
    form = client.get(submit_page_url(own_article)).context["form"]
    # Korean has a blog section; Thai has none, and a secondee does not create sections.
    assert {locale.language_code for locale in form.fields["locales"].queryset} == {"ko"}

    response = start(client, own_article, "ko")

    korean = korean_of(own_article)
    assert response.status_code == 302
    assert korean.get_parent().pk == korean_blog_index.pk
    assert korean.owner == secondee
    assert not korean.live  # a draft until communications approve it


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["never published", "unpublished"])
def test_a_page_is_translated_only_once_it_is_live(
    client, secondee, own_article, korean_blog_index, state
):
    """Found by an outside tester: a secondee's draft that comms could not publish was
    translated from the page menu's "Translate this page", and its approved translation went
    live while the English page was still a draft."""
    if state == "never published":
        own_article.live = False
        own_article.has_unpublished_changes = True
        own_article.save()
    else:
        own_article.unpublish()
    client.force_login(secondee)

    for response in (client.get(submit_page_url(own_article)), start(client, own_article, "ko")):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_pages:edit", args=[own_article.pk])
    assert not own_article.has_translation(Locale.objects.get(language_code="ko"))
    messages = [str(m) for m in client.get(response.url).context["messages"]]
    assert messages == ["Publish this page before translating it."] * 2  # one per request


@pytest.mark.django_db
def test_a_subtree_is_translated_from_its_live_pages_only(
    client, comms, blog_index, korean_home_page
):
    """Found by an outside tester: "Include subtree" translated the drafts and unpublished pages
    below a live section."""
    live, draft, unpublished = (
        factories.ArticlePageFactory(parent=blog_index, title=title)
        for title in ("Live", "Draft", "Unpublished")
    )
    for page in (live, unpublished):
        page.save_revision().publish()
    draft.live = False
    draft.save()
    unpublished.unpublish()
    client.force_login(comms)

    response = client.post(
        submit_page_url(blog_index),
        {"locales": [Locale.objects.get(language_code="ko").pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    korean = Locale.objects.get(language_code="ko")
    translated = [page.title for page in (live, draft, unpublished) if page.has_translation(korean)]
    assert translated == ["Live"]


@pytest.mark.django_db
def test_secondee_cannot_translate_into_a_language_without_a_section(
    client, secondee, own_article, korean_blog_index
):
    client.force_login(secondee)

    response = start(client, own_article, "th")

    assert response.status_code == 200
    assert "locales" in response.context["form"].errors
    assert not Page.objects.filter(locale__language_code="th").exists()


@pytest.mark.django_db
def test_secondee_cannot_translate_other_peoples_pages(
    client, secondee, others_article, korean_blog_index, blog_index
):
    client.force_login(secondee)
    for page in (others_article, blog_index):
        assert refused(client.get(submit_page_url(page)))
        assert refused(start(client, page, "ko"))
    assert not others_article.has_translation(Locale.objects.get(language_code="ko"))


@pytest.mark.django_db
def test_communications_translate_into_every_language_at_once(
    client, comms, others_article, korean_blog_index
):
    client.force_login(comms)
    languages = Locale.objects.exclude(language_code="en").values_list("language_code", flat=True)

    response = start(client, others_article, *languages)

    assert response.status_code == 302
    translations = others_article.get_translations()
    assert {page.locale.language_code for page in translations} == set(languages)
    assert not any(page.live for page in translations)


# Editing and submitting


@pytest.mark.django_db
def test_secondee_edits_own_translation_in_the_segment_editor(client, secondee, korean_article):
    client.force_login(secondee)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[korean_article.pk]))
    saved = edit_segment(
        client, translation_into_korean(korean_article.get_translation(Locale.get_default()))
    )

    assert editor.status_code == 200
    assert b"js-translation-editor" in editor.content
    assert b"Submit for approval" in editor.content
    assert saved.status_code in (200, 201)


@pytest.mark.django_db
def test_secondee_cannot_edit_another_translators_translation(
    client, secondee, other_secondee, others_article, korean_blog_index, comms
):
    client.force_login(comms)
    start(client, others_article, "ko")
    korean = korean_of(others_article)
    client.force_login(secondee)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[korean.pk])).status_code == 302
    assert edit_segment(client, translation_into_korean(others_article)).status_code == 403


@pytest.mark.django_db
def test_secondee_submits_translation_for_approval_and_communications_publish_it(
    client, secondee, comms, own_article, korean_article
):
    translation = translation_into_korean(own_article)
    client.force_login(secondee)
    translate_every_segment(client, translation)

    # Publishing from the translation editor is refused; submitting starts the approval.
    publish = client.post(
        reverse("wagtailadmin_pages:edit", args=[korean_article.pk]), {"action": "publish"}
    )
    submit = client.post(reverse("i18n_submit_translation_for_approval", args=[korean_article.pk]))

    korean_article.refresh_from_db()
    assert refused(publish)
    assert submit.status_code == 302
    assert not korean_article.live
    assert korean_article.workflow_in_progress
    assert korean_article.get_latest_revision_as_object().title == "모든 도시를 위한 물"

    client.force_login(comms)
    state = korean_article.current_workflow_state
    task_state = state.current_task_state
    approve = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[korean_article.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    korean_article.refresh_from_db()
    assert approve.status_code in (200, 302)
    assert korean_article.live
    assert korean_article.title == "모든 도시를 위한 물"


@pytest.mark.django_db
def test_a_resubmitted_live_translation_stays_as_published_until_approved(
    client, secondee, own_article, korean_article
):
    korean_article.save_revision().publish(skip_permission_checks=True)
    published_title = korean_article.title
    client.force_login(secondee)
    translate_every_segment(client, translation_into_korean(own_article))

    submit = client.post(reverse("i18n_submit_translation_for_approval", args=[korean_article.pk]))

    korean_article.refresh_from_db()
    assert submit.status_code == 302
    assert korean_article.live and korean_article.workflow_in_progress
    assert korean_article.title == published_title
    assert korean_article.get_latest_revision_as_object().title == "모든 도시를 위한 물"
    client.logout()
    assert "모든 도시를 위한 물" not in client.get(korean_article.url).content.decode()


@pytest.mark.django_db
def test_communications_publish_from_the_translation_editor(
    client, comms, own_article, korean_article, django_capture_on_commit_callbacks
):
    client.force_login(comms)

    # wagtail-localize publishes a translated page once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[korean_article.pk]), {"action": "publish"}
        )

    korean_article.refresh_from_db()
    assert response.status_code == 302
    assert korean_article.live


# Syncing


@pytest.mark.django_db
def test_secondee_syncs_own_translation_without_publishing_it(
    client, secondee, own_article, korean_article, django_capture_on_commit_callbacks
):
    own_article.title = "Water for every city, revised"
    own_article.save_revision(user=secondee).publish()
    client.force_login(secondee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(own_article), {"publish_translations": "on"})

    korean_article.refresh_from_db()
    source = TranslationSource.objects.get_for_instance(own_article)
    assert response.status_code == 302
    assert not korean_article.live  # the posted "publish" is ignored for a secondee
    assert StringSegment.objects.filter(
        source=source, string__data="Water for every city, revised"
    ).exists()


@pytest.mark.django_db
def test_secondee_cannot_sync_other_peoples_translations(
    client, secondee, comms, others_article, korean_blog_index
):
    client.force_login(comms)
    start(client, others_article, "ko")
    client.force_login(secondee)

    assert refused(client.get(sync_url(others_article)))
    assert refused(client.post(sync_url(others_article), {}))


@pytest.mark.django_db
def test_communications_sync_and_publish(
    client, comms, own_article, korean_article, django_capture_on_commit_callbacks
):
    client.force_login(comms)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(own_article), {"publish_translations": "on"})

    korean_article.refresh_from_db()
    assert response.status_code == 302
    assert korean_article.live


# Snippets


@pytest.mark.django_db
def test_secondee_translates_own_profile_but_no_other_snippet(client, secondee, own_profile):
    someone = factories.PersonFactory(name="Kenji Watanabe")
    theme = factories.ThemeFactory(name="Water")
    client.force_login(secondee)

    assert refused(client.get(submit_snippet_url(someone)))
    assert refused(client.get(submit_snippet_url(theme)))
    assert refused(start(client, theme, "ko"))
    response = start(client, own_profile, "ko")

    korean = korean_of(own_profile)
    assert response.status_code == 302
    assert korean.user == secondee
    assert edit_segment(client, translation_into_korean(own_profile)).status_code in (200, 201)
    edit_url = reverse("wagtailsnippets_people_person:edit", args=[korean.pk])
    assert client.get(edit_url).status_code == 200
    assert client.get(
        reverse("wagtailsnippets_people_person:edit", args=[someone.pk])
    ).status_code in (302, 403)
    assert not Theme.objects.filter(locale__language_code="ko").exists()


@pytest.mark.django_db
def test_secondee_cannot_edit_segments_of_someone_elses_profile(client, secondee, comms):
    someone = factories.PersonFactory(name="Kenji Watanabe")
    client.force_login(comms)
    start(client, someone, "ko")
    client.force_login(secondee)

    assert edit_segment(client, translation_into_korean(someone)).status_code == 403


@pytest.mark.django_db
def test_communications_translate_people_and_themes(client, comms):
    person = factories.PersonFactory(name="Kenji Watanabe")
    theme = factories.ThemeFactory(name="Water")
    client.force_login(comms)

    for snippet in (person, theme):
        assert start(client, snippet, "ko", "ja").status_code == 302
    assert Person.objects.filter(translation_key=person.translation_key).count() == 3
    assert Theme.objects.filter(translation_key=theme.translation_key).count() == 3


@pytest.mark.django_db
def test_translation_buttons_show_only_where_the_user_may_translate(
    client, secondee, own_article, others_article, korean_blog_index, blog_index
):
    client.force_login(secondee)

    listing = client.get(reverse("wagtailadmin_explore", args=[blog_index.pk]))

    html = listing.content.decode()
    assert submit_page_url(own_article) in html
    assert submit_page_url(others_article) not in html


@pytest.mark.django_db
def test_the_checked_views_serve_wagtail_localizes_urls(own_article):
    """Fails if wagtail-localize moves its URLs: the checks would no longer apply (0121)."""
    from django.urls import resolve

    from citynet.i18n import translating

    assert resolve(submit_page_url(own_article)).func.view_class is (
        translating.SubmitPageTranslationView
    )
    assert resolve(reverse("wagtail_localize:update_translations", args=[1])).func.view_class is (
        translating.UpdateTranslationsView
    )
    assert ArticlePage  # the article model is the one translated above
