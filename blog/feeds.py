import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from citynet.editorial.visibility import publicly_visible

from .models import ArticlePage


class ArticleFeed(Feed):
    """The newest live articles in the default language, as an Atom feed."""

    feed_type = Atom1Feed
    title = _("CityNet articles")
    subtitle = _("News and stories from the CityNet network of cities.")
    link = "/"
    item_count = 20

    def __call__(self, request, *args, **kwargs):
        # Outside the language prefixes: the feed speaks its articles' language, not the
        # browser's, and its one cached response serves every reader.
        with translation.override(settings.LANGUAGE_CODE):
            return super().__call__(request, *args, **kwargs)

    def items(self):
        return (
            publicly_visible(ArticlePage.objects)
            .filter(locale=Locale.get_default())
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
