"""The main menu, cached: every public page renders it, and building it from the page tree costs
three queries per request. The key carries the content version, which changes whenever a page is
published, unpublished, moved, deleted or restricted, or a site changes."""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Site

from . import content_version

# A safety net for changes that bypass the ORM and its signals; normally the version changes.
MENU_CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    url_path: str


def menu_items(site: Site, request) -> list[MenuItem]:
    """The site's home page, then its live, public children marked 'show in menus'."""
    key = content_version.cache_key(request, "menu", site.pk)
    items = cache.get(key)
    if items is None:
        root = site.root_page.localized  # the Spanish home page under /es/
        pages = [root, *root.get_children().live().public().in_menu()]
        items = [MenuItem(p.title, p.get_url(request) or "", p.url_path) for p in pages]
        cache.set(key, items, MENU_CACHE_SECONDS)
    return items
