from django.apps import apps
from django.db.models.signals import post_migrate

from .tasks import schedule_ip_cleanup


def start_ip_cleanup(sender, **kwargs):
    schedule_ip_cleanup()


def connect():
    post_migrate.connect(start_ip_cleanup, sender=apps.get_app_config("comments"))
