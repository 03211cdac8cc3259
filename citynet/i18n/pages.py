"""What a page's HTML needs to offer its other languages, fetched in one query."""

from django.db.models import UUIDField
from wagtail.models import Page

from citynet.compiled import Argument, CompiledOnce
from citynet.visibility import publicly_visible

from .languages import content_language_codes, fallback_chain, local_name, name_in


def bcp47(language_code):
    """The language tag as HTML and hreflang spell it: "zh-hant" → "zh-Hant"."""
    language, *subtags = language_code.split("-")
    spelled = [tag.title() if len(tag) == 4 else tag.upper() for tag in subtags]
    return "-".join([language, *spelled])


def reader_language(page, request):
    """
    The language of the interface the page is shown in: the language of its address
    (citynet/i18n/fallback.py), which differs from the page's when it fell back there; the
    page's own outside the site's pages (previews, the API).
    """
    return getattr(request, "reader_language", None) or page.locale.language_code


def url_for_reader(url, language_code):
    """
    A page's relative URL at the reader's language prefix when the page is in a language the
    reader falls back to ("/en/blog/x/" → "/th/blog/x/"), where it is shown with a Thai
    interface; any other URL as it is.
    """
    if not url or not url.startswith("/"):
        return url
    _empty, prefix, rest = url.split("/", 2)
    if prefix in fallback_chain(language_code)[1:]:
        return f"/{language_code}/{rest}"
    return url


# A page's translations the public may see, as plain pages (the page type's own fields, an
# article's body, are not shown): compiled once per process (decision 0400).
PUBLIC_TRANSLATIONS = CompiledOnce(
    publicly_visible(
        Page.objects.filter(translation_key=Argument("translation_key", UUIDField()))
    ).select_related("locale")
)


def language_context(page, request):
    """
    The translations the public may see (switcher, hreflang), the languages of the interface
    and of the text, and the fallback notice when they differ.
    """
    order = content_language_codes()
    translations = sorted(
        PUBLIC_TRANSLATIONS.run(translation_key=page.translation_key),
        key=lambda translation: (
            order.index(translation.locale.language_code)
            if translation.locale.language_code in order
            else len(order)
        ),
    )
    reader = reader_language(page, request)
    text_language = page.locale.language_code
    # hreflang alternates name the real translations only; the switcher also names the
    # reader's language, current, at this address when the page fell back here.
    alternates = [
        {
            "code": translation.locale.language_code,
            "tag": bcp47(translation.locale.language_code),
            "name": local_name(translation.locale.language_code),
            "url": translation.get_url(request),
            "full_url": translation.get_full_url(request),
            "is_current": translation.pk == page.pk and reader == text_language,
        }
        for translation in translations
    ]
    switcher = alternates
    if reader != text_language:
        here = {
            "code": reader,
            "tag": bcp47(reader),
            "name": local_name(reader),
            "url": request.path,
            "full_url": request.build_absolute_uri(request.path),
            "is_current": True,
        }
        switcher = sorted([here, *alternates], key=lambda language: order.index(language["code"]))
    default = next((language for language in alternates if language["code"] == order[0]), None)
    context = {
        "reader_language": reader,
        "page_language": bcp47(reader),
        "text_language": bcp47(text_language),
        "page_languages": switcher,
        "page_alternates": alternates,
        "x_default_url": default["full_url"] if default else None,
    }
    if reader != text_language:
        context["fallback_notice"] = {
            "language": reader,
            "tag": bcp47(reader),
            # Named in the sentence's language; the switcher names each language in itself.
            "requested": name_in(reader, reader),
            "shown": name_in(text_language, reader),
        }
    return context
