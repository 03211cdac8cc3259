import os

from django.core.wsgi import get_wsgi_application

from citynet.startup import load_page_templates, load_url_routing

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citynet.settings.production")

application = get_wsgi_application()
load_url_routing()
load_page_templates()
