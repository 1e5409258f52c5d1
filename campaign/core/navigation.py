"""The main menu, cached: every public page renders it, and building it from the page tree costs
three queries per request. The cached items are dropped whenever something they depend on
changes (a page published, unpublished, moved or deleted; a view restriction; a site's root)."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

MENU_CACHE_KEY = "core:main-menu:{site_id}"
# A safety net for changes that bypass the ORM and its signals; normally the signals clear it.
MENU_CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    url_path: str


def menu_items(site: Site, request) -> list[MenuItem]:
    """The site's home page, then its live, public children marked 'show in menus'."""
    key = MENU_CACHE_KEY.format(site_id=site.pk)
    items = cache.get(key)
    if items is None:
        root = site.root_page
        pages = [root, *root.get_children().live().public().in_menu()]
        items = [MenuItem(p.title, p.get_url(request) or "", p.url_path) for p in pages]
        cache.set(key, items, MENU_CACHE_SECONDS)
    return items


def clear_menu_cache() -> None:
    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many([MENU_CACHE_KEY.format(site_id=pk) for pk in site_ids])


@receiver(page_published, dispatch_uid="core.menu.published")
@receiver(page_unpublished, dispatch_uid="core.menu.unpublished")
@receiver(post_page_move, dispatch_uid="core.menu.moved")
@receiver(post_delete, sender=Page, dispatch_uid="core.menu.deleted")
@receiver(post_save, sender=PageViewRestriction, dispatch_uid="core.menu.restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="core.menu.unrestricted")
@receiver(post_save, sender=Site, dispatch_uid="core.menu.site_saved")
def tree_changed(sender, **kwargs) -> None:
    clear_menu_cache()
