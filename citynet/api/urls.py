from django.urls import path
from wagtail.api.v3.urls import api as api_v3

from citynet.api.router import api_router

urlpatterns = [
    path("v2/", api_router.urls),
    path("v3/", api_v3.urls),
]
