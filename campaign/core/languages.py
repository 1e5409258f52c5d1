"""The visitor's languages: where the same page lives in the other language (for the language
switcher and hreflang links), falling back to the nearest translated parent."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    exact: bool  # the page itself in that language, not a parent standing in for it
    current: bool


def page_in(page: Page, locale: Locale) -> Page | None:
    """The page's live, public translation in `locale`, else its nearest translated ancestor."""
    for candidate in [page, *page.get_ancestors(inclusive=False).reverse()]:
        if candidate.depth < 2:
            break
        translation_ = (
            candidate.get_translations(inclusive=True).filter(locale=locale).live().public().first()
        )
        if translation_ is not None:
            return translation_
    return None


def alternates(request: HttpRequest, page: Page | None) -> list[Alternate]:
    """Each language's version of what the visitor is looking at."""
    current = translation.get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    found = []
    for code, name in settings.LANGUAGES:
        url, exact = None, False
        if page is not None and page.depth >= 2 and code in locales:
            target = page_in(page, locales[code])
            if target is not None:
                url = target.get_url(request)
                exact = target.translation_key == page.translation_key
        if url is None:
            # Not a page (search, an error) or nothing translated: the same path in that language.
            url = translate_url(request.path, code)
            exact = page is None
        found.append(Alternate(code, name, url, exact, code == current))
    return found
