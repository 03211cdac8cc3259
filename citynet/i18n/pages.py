"""What a page's HTML needs to offer its other languages, fetched in one query."""

from citynet.editorial.visibility import publicly_visible

from .languages import content_language_codes, local_name, name_in

# The query parameter that tells a page which language the reader asked for before falling back.
FALLBACK_PARAMETER = "fallback_from"


def bcp47(language_code):
    """The language tag as HTML and hreflang spell it: "zh-hant" → "zh-Hant"."""
    language, *subtags = language_code.split("-")
    spelled = [tag.title() if len(tag) == 4 else tag.upper() for tag in subtags]
    return "-".join([language, *spelled])


def language_context(page, request):
    """The translations the public may see (switcher, hreflang) and any fallback notice."""
    order = content_language_codes()
    translations = sorted(
        publicly_visible(page.get_translations(inclusive=True)).select_related("locale"),
        key=lambda translation: (
            order.index(translation.locale.language_code)
            if translation.locale.language_code in order
            else len(order)
        ),
    )
    languages = [
        {
            "code": translation.locale.language_code,
            "tag": bcp47(translation.locale.language_code),
            "name": local_name(translation.locale.language_code),
            "url": translation.get_url(request),
            "full_url": translation.get_full_url(request),
            "is_current": translation.pk == page.pk,
        }
        for translation in translations
    ]
    default = next((language for language in languages if language["code"] == order[0]), None)
    context = {
        "page_language": bcp47(page.locale.language_code),
        "page_languages": languages,
        "x_default_url": default["full_url"] if default else None,
    }
    requested = request.GET.get(FALLBACK_PARAMETER)
    if requested in order and requested != page.locale.language_code:
        context["fallback_notice"] = {
            "language": requested,
            "tag": bcp47(requested),
            # Named in the sentence's language; the switcher names each language in itself.
            "requested": name_in(requested, requested),
            "shown": name_in(page.locale.language_code, requested),
        }
    return context
