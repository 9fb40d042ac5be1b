"""The app's URLs plus a bare view, served only by the load-test server (never by inzet.urls).

The bare view runs through the same middleware (session, login, two-step, idempotency…) but does
no work of its own: its throughput is the ceiling the real pages are compared with.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from inzet.urls import urlpatterns as app_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_load/bare/", bare, name="load_bare"), *app_urlpatterns]
