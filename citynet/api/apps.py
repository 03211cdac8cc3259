from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CityNetAPIConfig(AppConfig):
    """The content API's shared pieces. Each plugin describes its own page types in `api.py`."""

    name = "citynet.api"
    label = "citynet_api"
    verbose_name = "Content API"

    def ready(self):
        # Like the Django admin: every installed app's `api` module registers its page types.
        autodiscover_modules("api", register_to=None)
