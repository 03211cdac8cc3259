import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from citynet.i18n.links import in_nearest_language
from citynet.visibility import publicly_visible

from .models import ArticlePage


class ArticleFeed(Feed):
    """
    The newest live articles as an Atom feed: at /feeds/articles/ in the default language, at
    /<language>/feeds/articles/ in that language or, for each article not translated into it,
    the nearest language of its fallback chain.
    """

    feed_type = Atom1Feed
    title = _("CityNet articles")
    subtitle = _("News and stories from the CityNet network of cities.")
    item_count = 20

    def __init__(self, localised=False):
        self.localised = localised
        super().__init__()

    def __call__(self, request, *args, **kwargs):
        # Outside the language prefixes the feed speaks the default language, not the
        # browser's, and its one cached response serves every reader.
        language_code = translation.get_language() if self.localised else settings.LANGUAGE_CODE
        with translation.override(language_code):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return translation.get_language()

    def link(self, language_code):
        return f"/{language_code}/" if self.localised else "/"

    def items(self, language_code):
        visible = publicly_visible(ArticlePage.objects)
        return (
            visible.filter(in_nearest_language(language_code))
            .order_by("-date_published", "-pk")
            .prefetch_related("authors__person")[: self.item_count]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        # The date the article shows, not when its page was first saved.
        return datetime.datetime.combine(item.date_published, datetime.time.min, datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(person.name for person in item.public_authors())
