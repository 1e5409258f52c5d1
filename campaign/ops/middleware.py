"""Middleware for production serving: health checks, cache headers and security headers.

Order in settings.MIDDLEWARE matters and is explained there.
"""

import functools
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext
from django_otp import user_has_device

from campaign.core.text import has_unusable_characters

from .health import HEALTH_VIEWS

GetResponse = Callable[[HttpRequest], HttpResponse]

PUBLIC_CACHE_STATUSES = {200, 301, 404, 410}
NO_STORE = "private, no-store"


@functools.cache
def admin_prefix() -> str:
    """The Wagtail admin's URL prefix ("/admin/"), read from the URLconf once."""
    return reverse("wagtailadmin_home")


def is_admin_path(path: str) -> bool:
    return path.startswith(admin_prefix())


class HealthCheckMiddleware:
    """Answer /healthz and /readyz before host validation, HTTPS redirects and sessions.

    Load balancers probe by IP address over plain HTTP; going through the rest of the stack would
    turn those probes into 400s and 301s and make them cost a session lookup.
    """

    def __init__(self, get_response: GetResponse):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = HEALTH_VIEWS.get(request.path_info.rstrip("/"))
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)


class RejectUnusableInputMiddleware:
    """Answer 400 to a path, query string or form with NUL or other control characters.

    No page, search, filter or form has a use for them, and PostgreSQL refuses NUL in text, so
    letting them through turns a hostile query string into a 500 in whichever view reads it.
    One guard here rather than a check in every view.
    """

    def __init__(self, get_response: GetResponse):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        values = [request.path_info]
        for data in (request.GET, request.POST):
            for key, items in data.lists():
                values += [key, *items]
        if has_unusable_characters(values):
            return HttpResponseBadRequest(
                gettext("The address or form contains control characters; remove them and retry."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class CacheControlMiddleware:
    """Give every response an explicit Cache-Control that Varnish and browsers can act on.

    Never stored: the admin (which includes previews), anything but GET/HEAD, responses that set
    a cookie (a rendered form sets the CSRF cookie), requests carrying a session, and errors.
    A Cache-Control a view set itself (embargo previews, health checks) is kept. Everything else
    is public: short for browsers, longer for Varnish, which Wagtail purges on publish.
    """

    def __init__(self, get_response: GetResponse):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.must_not_store(request, response):
            if "no-store" not in response.get("Cache-Control", ""):
                response["Cache-Control"] = NO_STORE
                del response["Expires"]
        elif not response.has_header("Cache-Control"):
            if response.status_code in PUBLIC_CACHE_STATUSES:
                response["Cache-Control"] = (
                    f"public, max-age={settings.CACHE_CONTROL_MAX_AGE}, "
                    f"s-maxage={settings.CACHE_CONTROL_S_MAXAGE}"
                )
            else:
                response["Cache-Control"] = NO_STORE
        return response

    @staticmethod
    def must_not_store(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            is_admin_path(request.path_info)
            or request.method not in ("GET", "HEAD")
            or bool(response.cookies)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or response.status_code >= 500
        )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with a looser policy for the Wagtail admin and only for it.

    The admin still needs inline scripts and styles; the public site needs neither. Like the
    parent, it never replaces a Content-Security-Policy that a view set itself (the embeds do).
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy for every response, and framing left to views that chose it.

    Sits after XFrameOptionsMiddleware in settings.MIDDLEWARE so it sees the response first: a
    view whose own Content-Security-Policy names frame-ancestors (the partner embeds) has decided
    who may frame it, so X-Frame-Options: DENY is not added on top.
    """

    def __init__(self, get_response: GetResponse):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "frame-ancestors" in response.get("Content-Security-Policy", ""):
            response.xframe_options_exempt = True
        return response


class AdminTwoFactorMiddleware:
    """Send signed-in admin users who have not passed a TOTP check to verify (or enrol) first.

    Needs django_otp's OTPMiddleware before it (for `user.is_verified()`). Applies to the admin
    only, and only when settings.ADMIN_REQUIRE_2FA is on.
    """

    ALWAYS_ALLOWED = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "ops_2fa_verify",
        "ops_2fa_enrol",
    }

    def __init__(self, get_response: GetResponse):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.ADMIN_REQUIRE_2FA
            and is_admin_path(request.path_info)
            and request.user.is_authenticated
            and not request.user.is_verified()
            and self.url_name(request) not in self.ALWAYS_ALLOWED
        ):
            step = "ops_2fa_verify" if user_has_device(request.user) else "ops_2fa_enrol"
            return redirect_to_login(request.get_full_path(), login_url=reverse(step))
        return self.get_response(request)

    @staticmethod
    def url_name(request: HttpRequest) -> str | None:
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
