from django.http import HttpResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from citynet.urls import urlpatterns as site_urlpatterns

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)


def bare(request):
    return HttpResponse("ok")


urlpatterns = [
    path("api/stock/", stock_router.urls),
    path("bench/bare/", bare),
    *site_urlpatterns,
]
