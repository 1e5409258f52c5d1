"""The site's URLs plus uploaded media, for the browser tests: DEBUG is off in tests, so the site's
own URLs serve no media (nginx does in production) and pages would show broken images."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from campaign.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
