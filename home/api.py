"""How the home page appears in the content API."""

from citynet.api.fields import SelectedImageField
from citynet.api.registry import PageTypeAPI, register
from home.models import HomePage

register(
    PageTypeAPI(model=HomePage, serializers={"hero_image": SelectedImageField(read_only=True)})
)
