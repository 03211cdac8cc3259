from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "citynet.people"
    label = "people"
    verbose_name = "People"
