from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "citynet.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomy"
