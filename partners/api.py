"""How partners appear in the content API (filters and field representations)."""

from citynet.api.fields import SelectedImageField
from citynet.api.filters import choice_filter, country_filter
from citynet.api.registry import PageTypeAPI, register
from partners.models import PartnerIndexPage, PartnerPage

register(
    PageTypeAPI(
        model=PartnerPage,
        filters={
            "kind": choice_filter("kind", PartnerPage.Kind.values, "Kind of partner"),
            "country": country_filter(),
        },
        serializers={"logo": SelectedImageField(read_only=True)},
    )
)
register(PageTypeAPI(model=PartnerIndexPage))
