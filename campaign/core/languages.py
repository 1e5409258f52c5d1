"""The visitor's languages: where the same page lives in the other language (for the language
switcher and hreflang links), falling back to the nearest translated parent."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from . import content_version, render_cache


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    exact: bool  # the page itself in that language, not a parent standing in for it
    current: bool


def page_in(page: Page, locale: Locale) -> Page | None:
    """The page's nearest ancestor with a live, public translation in `locale`."""
    for candidate in page.get_ancestors().filter(depth__gte=2).reverse():
        found = translations_of(candidate).filter(locale=locale).first()
        if found is not None:
            return found
    return None


def translations_of(page: Page):
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    )


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
    exact: dict[str, Page] = {}
    if page is not None and page.depth >= 2:
        exact = {other.locale.language_code: other for other in translations_of(page)}
    found = []
    for code, name in settings.LANGUAGES:
        target = exact.get(code)
        if target is None and page is not None and page.depth >= 2:
            locale = Locale.objects.filter(language_code=code).first()
            target = page_in(page, locale) if locale else None
        # Not a page (search, an error) or nothing translated: the same path in that language.
        url = target.get_url(request) if target else translate_url(request.path, code)
        found.append(Alternate(code, name, url, code in exact, code == current))
    return found
