"""What a warm worker keeps between requests so that serving a page does not re-derive what has
not changed: the site a host name belongs to (with the root page that routing starts from),
whether a page has view restrictions, and the page's rendered HTML. Every key carries the
content version (campaign.core.content_version), so an edit shows on the next request; nothing
here is ever deleted, old entries just expire.

Rendered HTML is kept only for a live page that Wagtail's page view serves to a GET request
(the before_serve_page hook marks that instance), and only when every query parameter is one the
page declares in `cached_query_params`. Previews, embargo preview links, forms, search results
and error pages are rendered on every request. View restrictions are still checked on every
request before the page is served, so a restricted page's HTML only ever reaches those allowed in.
"""

import pickle
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.template import Context
from django.utils.deprecation import MiddlewareMixin
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import content_version

# Small lookups are also kept in this process, for the content version they were read under: the
# shared cache is asked only for the version, and the whole table goes when it changes. They are
# kept pickled so that each request gets objects of its own (a Site carries its root page).
_in_process: dict[str, bytes] = {}
_in_process_version: list[str] = [""]


def enabled() -> bool:
    return settings.RENDER_CACHE_SECONDS > 0


def remember(request: HttpRequest, key: str, compute: Callable[[], Any]) -> Any:
    """The value under `key` for the current content version: from this process, the shared
    cache, or `compute()`, in that order."""
    version = content_version.current(request)
    if _in_process_version[0] != version:
        _in_process.clear()
        _in_process_version[0] = version
    pickled = _in_process.get(key)
    if pickled is not None:
        return pickle.loads(pickled)  # noqa: S301 - written by this process just below
    value = cache.get_or_set(key, compute, settings.RENDER_CACHE_SECONDS)
    _in_process[key] = pickle.dumps(value)
    return value


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's own site matching, read from the cache instead of the database. The site comes
    with its root page in its specific form, where Wagtail's routing of every request starts."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = content_version.cache_key(request, "site", hostname, request.get_port())
    return remember(request, key, lambda: find_site_with_root(request))


def find_site_with_root(request: HttpRequest) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
        # The key carries the active language: keep the root's translation for it (BasePage).
        site.root_page.localized_for_language = site.root_page.localized.specific
    return site


class CachedSiteMiddleware(MiddlewareMixin):
    """Give Wagtail's page view the request's site from the cache; Wagtail keeps it on the request
    (`request._wagtail_site`, see `Site.find_for_request`). Other views are left alone. Sits after
    CommonMiddleware, which has already refused hosts outside ALLOWED_HOSTS."""

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if view_func is wagtail_views.serve and enabled():
            request._wagtail_site = site_for_request(request)


def serving(page: Page, request: HttpRequest) -> None:
    """Called for each page Wagtail's page view is about to serve: live pages only, never a
    preview or an embargo preview link, which render other instances of the page."""
    if enabled():
        page.served_by_page_view = True
        key = content_version.cache_key(request, "restricted", page.pk)
        page.view_restricted = remember(request, key, lambda: page.get_view_restrictions().exists())


def rendered_page_key(context: Context, name: str) -> str | None:
    """The cache key of this fragment of the served page, or None when it must be rendered."""
    request, page = context.get("request"), context.get("page")
    if not enabled() or request is None or page is None:
        return None
    params = getattr(page, "cached_query_params", None)
    if (
        not getattr(page, "served_by_page_view", False)
        or request.method not in ("GET", "HEAD")
        or params is None
        or any(param not in params for param in request.GET)
    ):
        return None
    query = [(param, request.GET.getlist(param)) for param in params]
    return content_version.cache_key(
        request, "html", name, page.pk, request.scheme, request.get_host(), request.path, query
    )
