"""
A reader of Korean, Chinese or Thai meets no English on the site's pages: every page type,
with content in the reader's language, is compared with its English rendering against the
English strings of the site's catalogues. Dates follow each language's conventions, and links
between pages lead to the reader's language when the linked page is translated.
"""

import datetime
import re
from functools import cache

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale

from citynet.i18n.catalogues import CATALOGUES, po_path
from tests import factories

pytestmark = pytest.mark.django_db

# The content of each language: words no interface string uses.
WORDS = {
    "en": "Riverside",
    "ko": "강변도시",
    "zh-hans": "河畔城市",
    "zh-hant": "河畔城鎮",
    "th": "เมืองริมน้ำ",
}
CHECKED = ["ko", "zh-hans", "zh-hant", "th"]
PUBLISHED = datetime.date(2026, 10, 5)


def content(language, what):
    return f"{WORDS[language]} {what}"


# The English tag that `content` writes after a language's word ("city", "summary") is content
# too, as are web addresses ("https://partner.example.org/"), though the admin's field labels
# use the same words.
CONTENT_TAG = re.compile(rf"({'|'.join(WORDS.values())}) \w+|https?://\S+")


@pytest.fixture
def site_content(home_page, blog_index, program_index, partner_index):
    """An English site with one page of each type, a theme, an author and links between them."""
    en = "en"
    for index, title in ((program_index, "Meetings"), (partner_index, "Members")):
        index.title = content(en, title)
        index.save_revision().publish()
    theme = factories.ThemeFactory(name=content(en, "water"), slug="water")
    person = factories.PersonFactory(
        name=content(en, "person"), role=content(en, "role"), organisation=content(en, "office")
    )
    partner = factories.PartnerPageFactory(
        parent=partner_index,
        title=content(en, "council"),
        kind="member_city",
        city=content(en, "city"),
        member_since=2012,
        contact_name=content(en, "contact"),
        contact_email="office@riverside.example.org",
    )
    program = factories.ProgramPageFactory(
        parent=program_index,
        title=content(en, "meeting"),
        kind="forum",
        summary=content(en, "summary"),
        venue=content(en, "hall"),
        city=content(en, "city"),
        start_time=datetime.time(9),
        end_time=datetime.time(17),
        registration_url="https://riverside.example.org/register",
    )
    program.themes.add(theme)
    program.save_revision().publish()
    factories.ProgramPartnerFactory(program=program, partner=partner)
    article = factories.ArticlePageFactory(
        parent=blog_index,
        title=content(en, "story"),
        standfirst=content(en, "standfirst"),
        body=[factories.paragraph(content(en, "body"))],
        date_published=PUBLISHED,
        tags=["riverside"],
    )
    article.themes.add(theme)
    factories.ArticleAuthorFactory(article=article, person=person)
    factories.ArticleProgramFactory(article=article, program=program)
    factories.ArticlePartnerFactory(article=article, partner=partner)
    article.save_revision().publish()
    home = fresh(home_page)
    home.featured_links.create(page=article)
    home.featured_links.create(page=program)
    home.save_revision().publish()
    return {
        "home": home,
        "blog_index": blog_index,
        "program_index": program_index,
        "partner_index": partner_index,
        "partner": partner,
        "program": program,
        "article": article,
        "person": person,
        "theme": theme,
    }


def fresh(page):
    """The page as the database has it now (with its children counted), to publish again."""
    return page.specific_class.objects.get(pk=page.pk)


def translate(page, language, **fields):
    """The page's translation into `language`, live, with `fields` in that language."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def translate_snippet(snippet, language, **fields):
    translation = snippet.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def translate_site(pages, language):
    """Every page and snippet of `site_content` in `language`, in that language's words."""

    def words(what):
        return content(language, what)

    translate_snippet(pages["theme"], language, name=words("water"))
    translate_snippet(
        pages["person"],
        language,
        name=words("person"),
        role=words("role"),
        organisation=words("office"),
    )
    translated = {"home": translate(pages["home"], language, title=words("home"))}
    for name in ("blog_index", "program_index", "partner_index"):
        translated[name] = translate(pages[name], language, title=words(name))
    translated["partner"] = translate(
        pages["partner"],
        language,
        title=words("council"),
        city=words("city"),
        contact_name=words("contact"),
    )
    translated["program"] = translate(
        pages["program"],
        language,
        title=words("meeting"),
        summary=words("summary"),
        venue=words("hall"),
        city=words("city"),
    )
    translated["article"] = translate(
        pages["article"],
        language,
        title=words("story"),
        standfirst=words("standfirst"),
        body=[factories.paragraph(words("body"))],
    )
    # Published again now that its featured pages have translations to link to.
    fresh(translated["home"]).save_revision().publish()
    return translated


def urls(pages, language):
    search_word = WORDS[language]
    return {
        "home": pages["home"].url,
        "article": pages["article"].url,
        "blog index": pages["blog_index"].url,
        "program": pages["program"].url,
        "program index": pages["program_index"].url,
        "partner": pages["partner"].url,
        "partner index": pages["partner_index"].url,
        "search with results": f"/{language}/search/?q={search_word}",
        "404": f"/{language}/nowhere/",
    }


def visible_text(html):
    """
    What a reader sees or hears: the text, and the attributes that screen readers speak. Text
    marked as another language (the switcher names each language in itself) is not interface.
    """
    soup = BeautifulSoup(html, "html.parser")
    page_language = soup.html.get("lang") if soup.html else None
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for foreign in soup.find_all(lang=True):
        if foreign.name != "html" and foreign["lang"] != page_language:
            foreign.decompose()
    spoken = [
        value
        for tag in soup.find_all(True)
        for name in ("aria-label", "placeholder", "title", "alt")
        if (value := tag.get(name))
    ]
    return " ".join(" ".join([soup.get_text(" "), *spoken]).split())


def pattern(msgid):
    """The msgid as it reads on a page: tags gone, placeholders filled with anything."""
    parts = re.split(r"(%\(\w+\)[sd]|<[^>]+>)", msgid.replace("%%", "%"))
    regex = ""
    for part in parts:
        if part.startswith("%("):
            regex += ".+?"
        elif part.startswith("<"):
            regex += r"\s*"
        else:
            regex += r"\s+".join(re.escape(word) for word in part.split(" "))
    return re.compile(rf"(?<!\w){regex.strip()}(?!\w)")


@cache
def english_strings(language):
    """
    The English interface strings of every catalogue of the site, except those `language`
    writes the same way (a format's name: "%(title)s (iCalendar)" in Thai).
    """
    found = set()
    for locale_dir in CATALOGUES:
        for entry in polib.pofile(str(po_path(locale_dir, language))):
            translations = [entry.msgstr, *entry.msgstr_plural.values()]
            for msgid in (entry.msgid, entry.msgid_plural):
                if msgid and msgid not in translations:
                    found.add(msgid)
    return {msgid: pattern(msgid) for msgid in found}


def english_on(text, language):
    """The English strings that `text` shows, of those `language` translates."""
    strings = english_strings(language).items()
    text = CONTENT_TAG.sub(r"\1", text)
    return sorted(msgid for msgid, regex in strings if regex.search(text))


def render(client, url):
    response = client.get(url)
    assert response.status_code == (404 if "nowhere" in url else 200), url
    return visible_text(response.content.decode())


@pytest.mark.parametrize("language", CHECKED)
def test_no_english_interface_string_on_a_page_in_another_language(client, site_content, language):
    translated = translate_site(site_content, language)
    english_pages = urls(site_content, "en")

    for kind, url in urls(translated, language).items():
        interface = english_on(render(client, english_pages[kind]), language)
        assert len(interface) >= 5, f"the English {kind} page shows too little to compare"
        shown = render(client, url)
        assert WORDS[language] in shown or kind == "404", f"{url} shows no content"
        left_in_english = sorted(set(interface) & set(english_on(shown, language)))
        assert left_in_english == [], f"{kind} ({url}) is partly in English"


def test_the_check_sees_an_english_string_left_on_a_page():
    page = "<main><h2>Themes</h2><p>1 min read</p><p>Page 2 of 3</p><h2>강변도시</h2></main>"
    assert {"Themes", "%(minutes)s min read", "Page %(number)s of %(total)s"} <= set(
        english_on(visible_text(page), "ko")
    )
    assert "Theme" not in english_on(visible_text(page), "ko")


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("en", "5 October 2026"),
        ("ko", "2026년 10월 5일"),
        ("ja", "2026年10月5日"),
        ("zh-hans", "2026年10月5日"),
        ("zh-hant", "2026年10月5日"),
        ("th", "5 ตุลาคม 2026"),
        ("vi", "5 tháng 10, 2026"),
        ("id", "5 Oktober 2026"),
    ],
)
def test_an_articles_date_follows_its_languages_conventions(
    client, home_page, blog_index, language, date
):
    article = factories.ArticlePageFactory(parent=blog_index, date_published=PUBLISHED)
    if language != settings.LANGUAGE_CODE:
        translate(home_page, language)
        translate(blog_index, language)
        article = translate(article, language)

    html = client.get(article.url).content.decode()

    assert f'<time datetime="2026-10-05">{date}</time>' in html
    assert "5 10월" not in html


def test_a_programs_times_follow_its_languages_conventions(client, home_page, program_index):
    program = factories.ProgramPageFactory(
        parent=program_index, start_time=datetime.time(14), end_time=datetime.time(16, 30)
    )
    translate(home_page, "ko")
    translate(program_index, "ko")
    korean = translate(program, "ko")

    assert "14:00–16:30" in client.get(program.url).content.decode()
    assert "오후 2:00–오후 4:30" in client.get(korean.url).content.decode()


@pytest.fixture
def korean_site(site_content):
    """The English site with home, sections and the article in Korean; no program, no partner."""
    pages = site_content
    korean = {
        name: translate(pages[name], "ko")
        for name in ("home", "blog_index", "program_index", "partner_index", "article")
    }
    return pages, korean


def related_links(client, article):
    html = client.get(article.url).content.decode()
    related = BeautifulSoup(html, "html.parser").select_one('[aria-labelledby="related-heading"]')
    return [link["href"] for link in related.find_all("a")]


def test_a_korean_articles_related_pages_are_korean_when_translated(client, korean_site):
    pages, korean = korean_site
    program = translate(pages["program"], "ko")
    partner = translate(pages["partner"], "ko")

    assert related_links(client, korean["article"]) == [program.url, partner.url]
    assert program.url.startswith("/ko/")


def test_a_korean_articles_related_pages_fall_back_to_english_without_a_translation(
    client, korean_site
):
    pages, korean = korean_site
    draft = pages["program"].copy_for_translation(Locale.objects.get(language_code="ko"))
    draft.save_revision()  # not published: not for readers

    # The English pages, at the Korean address that shows them in a Korean interface (0165).
    assert related_links(client, korean["article"]) == [
        pages["program"].url.replace("/en/", "/ko/", 1),
        pages["partner"].url.replace("/en/", "/ko/", 1),
    ]


def test_a_link_follows_the_readers_fallback_chain(client, site_content):
    """Traditional Chinese falls back to Simplified Chinese before English."""
    pages = site_content
    for language in ("zh-hans", "zh-hant"):
        for name in ("home", "blog_index", "program_index"):
            translate(pages[name], language)
    simplified = translate(pages["program"], "zh-hans")
    traditional_article = translate(pages["article"], "zh-hant")

    # At the Traditional Chinese address, which shows it in a Traditional Chinese interface.
    assert related_links(client, traditional_article)[0] == simplified.url.replace(
        "/zh-hans/", "/zh-hant/", 1
    )


def test_the_korean_home_page_features_and_a_korean_partner_lists_korean_pages(client, korean_site):
    pages, korean = korean_site
    program = translate(pages["program"], "ko")
    partner = translate(pages["partner"], "ko")
    fresh(korean["home"]).save_revision().publish()

    home = client.get(korean["home"].url).content.decode()
    assert f'href="{korean["article"].url}"' in home and f'href="{program.url}"' in home
    assert f'href="{pages["article"].url}"' not in home

    profile = client.get(partner.url).content.decode()
    assert f'href="{program.url}"' in profile and f'href="{korean["article"].url}"' in profile
    assert f'href="{pages["program"].url}"' not in profile


def test_a_program_calendar_speaks_the_programs_language(client, korean_site):
    pages, _korean = korean_site
    program = translate(pages["program"], "ko", event_status="cancelled")

    ics = client.get(f"/programs/{program.pk}/calendar.ics").content.decode()
    feed = client.get("/ko/programs/calendar.ics").content.decode()

    assert f"SUMMARY:취소됨: {program.title}" in ics
    assert f"SUMMARY:취소됨: {program.title}" in feed


@pytest.mark.parametrize(
    ("language", "country"),
    [("en", "South Korea"), ("ko", "대한민국"), ("zh-hant", "南韓"), ("th", "เกาหลีใต้")],
)
def test_countries_are_named_in_the_readers_language(client, site_content, language, country):
    pages = translate_site(site_content, language) if language != "en" else site_content

    profile = client.get(pages["partner"].url).content.decode()
    index = client.get(pages["partner_index"].url).content.decode()

    assert f"{content(language, 'city')}, {country}</dd>" in profile
    assert f'<option value="KR">{country}</option>' in index
    assert language == "en" or "South Korea" not in profile + index


def test_the_article_feed_speaks_its_articles_language_whatever_the_browser_asks(client):
    feed = client.get("/feeds/articles/", headers={"accept-language": "ko"}).content.decode()

    assert "<title>CityNet articles</title>" in feed
