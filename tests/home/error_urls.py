"""The site's URLs plus one view that fails, to see what a visitor gets on a server error."""

from django.urls import path

from campaign.urls import handler500
from campaign.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret-detail")


urlpatterns = [path("boom/", boom), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
