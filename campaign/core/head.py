"""HTML the apps add to the <head> of every public page, through a Wagtail hook that core names,
so base.html depends on no app (engagement adds the Plausible script this way)."""

from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from wagtail import hooks

PUBLIC_HEAD_HOOK = "insert_public_head_html"


def public_head_html(context) -> SafeString:
    """Each registered function's HTML for this template context, in hook order."""
    parts = [(fn(context),) for fn in hooks.get_hooks(PUBLIC_HEAD_HOOK)]
    return format_html_join("\n", "{}", parts)
