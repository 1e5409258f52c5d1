"""The visitor's languages: where the same page lives in the other language (for the language
switcher and hreflang links), falling back to the nearest translated parent."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from . import content_version, render_cache


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    exact: bool  # the page itself in that language, not a parent standing in for it
    current: bool


def alternates(request: HttpRequest, page: Page | None) -> list[Alternate]:
    """Each language's version of what the visitor is looking at, kept under the content
    version: pages rendered on every request (forms) pay no queries for it after the first."""
    # Asked twice per page (switcher and hreflang links): worked out once per request.
    if not hasattr(request, "_language_alternates"):
        if page is None or not render_cache.enabled():
            request._language_alternates = find_alternates(request, page)
        else:
            parts = ("alternates", page.pk, request.get_host(), request.path)
            key = content_version.cache_key(request, *parts)
            request._language_alternates = render_cache.remember(
                request, key, lambda: find_alternates(request, page)
            )
    return request._language_alternates


def find_alternates(request: HttpRequest, page: Page | None) -> list[Alternate]:
    current = translation.get_language()
    candidates = translated_line(page) if page is not None and page.depth >= 2 else []
    found = []
    for code, name in settings.LANGUAGES:
        # The page itself in that language, else its deepest translated ancestor.
        mine = [c for c in candidates if c.locale.language_code == code]
        target = mine[0] if mine else None
        exact = target is not None and target.translation_key == page.translation_key
        # Not a page (search, an error) or nothing translated: the same path in that language.
        url = target.get_url(request) if target else translate_url(request.path, code)
        found.append(Alternate(code, name, url, exact, code == current))
    return found


def translated_line(page: Page) -> list[Page]:
    """Every live translation of the page and of its ancestors below the root, deepest first, in
    one query (the ancestors' paths are prefixes of the page's own). A restricted translation
    still asks the visitor for its password or login when followed."""
    step = page.steplen
    paths = [page.path[:end] for end in range(2 * step, len(page.path) + 1, step)]
    keys = Page.objects.filter(path__in=paths).values("translation_key")
    return list(
        Page.objects.filter(translation_key__in=keys)
        .live()
        .select_related("locale")
        .order_by("-depth")
    )
