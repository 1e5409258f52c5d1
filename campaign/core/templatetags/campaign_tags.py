"""Template tags for site navigation and page metadata."""

from django import template
from wagtail.models import Page, Site

from campaign.core.navigation import menu_items

register = template.Library()


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's live, public children marked 'show in menus', from the page tree."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    items = menu_items(site, request) if site else []
    return {
        "items": items,
        "current_path": getattr(current, "url_path", ""),
        "root_path": items[0].url_path if items else "",
        "request": request,
    }


@register.simple_tag(takes_context=True)
def canonical_url(context, page: Page | None = None) -> str:
    """The page's full URL, or the request's URL without its query string."""
    request = context["request"]
    if page is not None and getattr(page, "pk", None):
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path)
