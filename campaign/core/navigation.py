"""The main menu, cached: every public page renders it, and building it from the page tree costs
three queries per request. The key carries the content version, which changes whenever a page is
published, unpublished, moved, deleted or restricted, or a site changes."""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail import hooks
from wagtail.models import Page, Site

from . import content_version
from .models import CampaignSettings

# Apps that offer visitors something to do register a function here: given the site's root page,
# it returns the live, public pages to list under "Take action" (engagement: its action forms).
ACTIONS_HOOK = "campaign_actions"

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


def action_pages(root: Page) -> list[Page]:
    """What visitors can do on this site, in page tree order, from every app that offers it."""
    pages = [page for fn in hooks.get_hooks(ACTIONS_HOOK) for page in fn(root)]
    return sorted(pages, key=lambda page: page.path)


def action_items(site: Site, request) -> list[MenuItem]:
    """The "Take action" part of the menu, cached like the rest of it."""
    key = content_version.cache_key(request, "menu-actions", site.pk)
    items = cache.get(key)
    if items is None:
        pages = action_pages(site.root_page.localized)  # the Spanish actions under /es/
        items = [MenuItem(p.title, p.get_url(request) or "", p.url_path) for p in pages]
        cache.set(key, items, MENU_CACHE_SECONDS)
    return items


def browse_safely_url(site: Site, request) -> str:
    """The URL of the "Browse safely" page chosen in the settings (in the visitor's language
    where translated), or "": cached like the menu, so a page render costs no query for it."""
    key = content_version.cache_key(request, "browse-safely", site.pk)
    url = cache.get(key)
    if url is None:
        page = CampaignSettings.for_site(site).browse_safely_page
        url = (page.localized.get_url(request) or "") if page and page.live else ""
        cache.set(key, url, MENU_CACHE_SECONDS)
    return url
