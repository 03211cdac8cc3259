"""How partners appear in the content API (filters and field representations)."""

from citynet.api.fields import SelectedImageField
from citynet.api.registry import PageTypeAPI, register
from partners.models import PartnerIndexPage, PartnerPage

register(
    PageTypeAPI(
        model=PartnerPage,
        filters=PartnerPage.listing_filters,
        serializers={"logo": SelectedImageField(read_only=True)},
    )
)
register(PageTypeAPI(model=PartnerIndexPage))
