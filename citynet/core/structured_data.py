"""
schema.org JSON-LD for every page: the site's Organization, the page itself (a WebPage in its
language, linked to its translations) and its BreadcrumbList, plus what a page type describes
(an Event, an article, a partner's Organization: see each plugin's structured_data.py).

Built once in Python from what the page's HTML context already loaded, and served both in the
HTML (<script type="application/ld+json">, which a Content Security Policy does not execute)
and in the API (`?fields=json_ld`, citynet/api/pages.py). Decision 0112.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from citynet.i18n.languages import content_language_codes
from citynet.i18n.pages import bcp47, language_context
from citynet.wagtail_internals import rendition_or_placeholder

# OpenGraph and Twitter cards show images at 1.91:1; heroes use the same rendition.
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-webp"

SCHEMA = "https://schema.org"
# The same characters Django's json_script escapes, so that no text can close the script.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_tag(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def page_url(page, request):
    """The page's address; a new page in preview has none yet, so the preview's own."""
    return page.get_full_url(request) or request.build_absolute_uri()


def site_organization(request):
    """The site's publisher, referenced by every page and article."""
    site = Site.find_for_request(request)
    root = (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + "/"
    return {
        "@type": "Organization",
        "@id": root + "#organization",
        "name": (site.site_name if site else "") or "CityNet",
        "url": root,
    }


def social_rendition(image):
    """The rendition that social cards, OpenGraph and JSON-LD show; like {% image %}, a missing
    source file gives a placeholder rather than an error."""
    return rendition_or_placeholder(image, SOCIAL_IMAGE_SPEC)


def image_object(image, request, rendition=None, caption=""):
    """
    An ImageObject of the social rendition (1200×630, what search engines show), with the
    caption the page gives it, else the image's own.
    """
    rendition = rendition or social_rendition(image)
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "caption": caption or getattr(image, "caption", "") or rendition.alt,
    }


def breadcrumb_list(page, ancestors, request, url):
    """The home page, each section and the page itself, as search results show the path."""
    items = [*ancestors, page]
    return {
        "@type": "BreadcrumbList",
        "@id": url + "#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": item.title,
                "item": url if item is page else item.get_full_url(request),
            }
            for position, item in enumerate(items, start=1)
        ],
    }


def translation_links(languages, default_code):
    """workTranslation on the default-language version, translationOfWork on a translation."""
    current = next((language for language in languages if language["is_current"]), None)
    others = [language for language in languages if not language["is_current"]]
    if current is None or not others:
        return {}
    if current["code"] == default_code:
        return {
            "workTranslation": [
                {"@id": language["full_url"], "inLanguage": language["tag"]} for language in others
            ]
        }
    source = next((language for language in others if language["code"] == default_code), None)
    return {"translationOfWork": {"@id": source["full_url"]}} if source else {}


def page_graph(page, request, context, main_entity=None, page_type="WebPage"):
    """
    The JSON-LD document of `page`. `context` is what get_context loaded (breadcrumbs,
    page_languages, social_rendition); whatever it lacks is loaded here, as for the API.
    """
    url = page_url(page, request)
    ancestors = context.get("breadcrumbs")
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
    languages = context.get("page_alternates")
    if languages is None:
        languages = language_context(page, request)["page_alternates"]
    organization = site_organization(request)
    web_page = {
        "@type": page_type,
        "@id": url,
        "url": url,
        "name": page.seo_title or page.title,
        "inLanguage": bcp47(page.locale.language_code),
        "publisher": {"@id": organization["@id"]},
        "breadcrumb": {"@id": url + "#breadcrumb"},
        **translation_links(languages, content_language_codes()[0]),
    }
    if description := page.meta_description:
        web_page["description"] = description
    if page.last_published_at:
        web_page["dateModified"] = page.last_published_at.isoformat()
    graph = [organization, web_page, breadcrumb_list(page, ancestors, request, url)]
    if main_entity:
        web_page["mainEntity"] = {"@id": main_entity["@id"]}
        graph.append(main_entity)
    return {"@context": SCHEMA, "@graph": graph}
