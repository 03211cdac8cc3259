import os

from django.core.asgi import get_asgi_application

from citynet.startup import load_page_templates, load_url_routing

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.production")

application = get_asgi_application()
load_url_routing()
load_page_templates()
