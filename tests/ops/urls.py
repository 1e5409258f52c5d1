"""The site's URLconf plus a few views that exist only to test the middleware around them."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import never_cache

from campaign import urls as site_urls
from campaign.core.ratelimit import ratelimit

PARTNER_CSP = "default-src 'self'; frame-ancestors https://partner.example"


def embed_like(request):
    """Stands in for a toolkit embed: it sets its own policy naming who may frame it."""
    response = HttpResponse("<p>Embedded poster</p>")
    response["Content-Security-Policy"] = PARTNER_CSP
    return response


def form_like(request):
    """Renders a CSRF token, as any page with a form does."""
    return HttpResponse(f'<form method="post"><input name="t" value="{get_token(request)}"></form>')


@never_cache
def no_store(request):
    return HttpResponse("Personal answer")


@ratelimit("ops-test-signup", limit=3, period=60)
def limited_form(request):
    """Stands in for a public form or counting endpoint."""
    return HttpResponse("Thanks, counted.")


def boom(request):
    raise RuntimeError(f"database password is {request.GET.get('secret', 'hunter2')}")


urlpatterns = [
    path("ops-test/embed/", embed_like),
    path("ops-test/form/", form_like),
    path("ops-test/no-store/", no_store),
    path("ops-test/boom/", boom),
    path("ops-test/limited/", limited_form),
    *site_urls.urlpatterns,
]

handler500 = site_urls.handler500
