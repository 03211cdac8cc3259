"""
/sitemap.xml with every language's pages, each listing its translations as hreflang
alternates. Wagtail's own sitemap lists only the default language's tree.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page

from citynet.visibility import publicly_visible
from citynet.wagtail_internals import SitemapBuiltPerPage

from .languages import language_order
from .pages import bcp47


class MultilingualSitemap(SitemapBuiltPerPage):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            publicly_visible(Page.objects)
            .filter(in_a_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def page_urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {item.pk: item.get_full_url(self.request) for item in pages}
        translations = defaultdict(list)
        for item in sorted(pages, key=lambda item: language_order(language_codes[item.locale_id])):
            translations[item.translation_key].append(item)

        urls = []
        for item in pages:
            alternates = [
                {
                    "lang_code": bcp47(language_codes[translation.locale_id]),
                    "location": locations[translation.pk],
                }
                for translation in translations[item.translation_key]
            ]
            default = [
                alternate["location"]
                for translation, alternate in zip(
                    translations[item.translation_key], alternates, strict=True
                )
                if language_codes[translation.locale_id] == settings.LANGUAGE_CODE
            ]
            if default:
                alternates.append({"lang_code": "x-default", "location": default[0]})
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        last_mods = [url["lastmod"] for url in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
