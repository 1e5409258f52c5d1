"""Template tags for site navigation, page metadata and the rendered-page cache."""

import functools

from django import template
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site

from campaign.core import head, languages, render_cache
from campaign.core.navigation import action_items, browse_safely_url, menu_items

register = template.Library()


@register.simple_tag(takes_context=True)
def public_head_html(context):
    """What the apps add to every public page's <head> (campaign.core.head)."""
    return head.public_head_html(context)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's live, public children marked 'show in menus', from the page tree, and
    what visitors can do (the action pages)."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    items = menu_items(site, request) if site else []
    return {
        "items": items,
        "actions": action_items(site, request) if site else [],
        "current_path": getattr(current, "url_path", ""),
        "root_path": items[0].url_path if items else "",
        "request": request,
    }


@register.simple_tag(takes_context=True)
def browse_safely_link(context) -> str:
    """The URL of the page beside the quick exit on private windows and history, or ""."""
    request = context["request"]
    site = Site.find_for_request(request)
    return browse_safely_url(site, request) if site else ""


@register.simple_tag(takes_context=True)
def canonical_url(context, page: Page | None = None) -> str:
    """The page's full URL, or the request's URL without its query string."""
    request = context["request"]
    if page is not None and getattr(page, "pk", None):
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path)


class CachedPageNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        key = render_cache.rendered_page_key(context, self.name)
        if key is None:
            return self.nodelist.render(context)
        render = functools.partial(self.nodelist.render, context)
        return cache.get_or_set(key, render, settings.RENDER_CACHE_SECONDS)


@register.tag
def cachedpage(parser, token):
    """{% cachedpage "name" %}...{% endcachedpage %}: the served page's HTML, kept in the cache
    until its content changes (campaign.core.render_cache says when it is rendered instead)."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Use {% cachedpage "name" %}...{% endcachedpage %}')
    nodelist = parser.parse(("endcachedpage",))
    parser.delete_first_token()
    return CachedPageNode(nodelist, bits[1][1:-1])


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages (or its nearest translated parent)."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    return {"alternates": languages.alternates(request, context.get("page"))}


@register.inclusion_tag("navigation/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each language the page itself exists in."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None:
        return {"alternates": []}
    found = [
        (alt.code, request.build_absolute_uri(alt.url))
        for alt in languages.alternates(request, page)
        if alt.exact
    ]
    return {"alternates": found if len(found) > 1 else []}
