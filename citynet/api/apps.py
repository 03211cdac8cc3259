from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CityNetAPIConfig(AppConfig):
    """The content API's shared pieces. Each plugin describes its own page types in `api.py`."""

    name = "citynet.api"
    label = "citynet_api"
    verbose_name = "Content API"

    def ready(self):
        # Imported here, once the models are loaded: the API's modules import models.
        from citynet.api import v3

        # Before any `api` module below imports Wagtail's v3 routers, which build its schemas.
        v3.install()
        # Like the Django admin: every installed app's `api` module registers its page types.
        autodiscover_modules("api", register_to=None)
