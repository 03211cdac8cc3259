from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "citynet.images"
    label = "images"
    verbose_name = "Images"
