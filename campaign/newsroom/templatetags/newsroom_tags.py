"""Template tags for press releases."""

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

OPENING_PARAGRAPH = re.compile(r"^\s*<p(\s[^>]*)?>")


@register.simple_tag(takes_context=True)
def with_dateline(context, block, dateline: str) -> SafeString:
    """The release's first block with the dateline running into its first paragraph, as
    releases are printed ("HARTFORD – Blame for ..."); before any other kind of block, the
    dateline stands on its own line."""
    rendered = block.render_as_block(context=context.flatten())
    label = format_html('<span class="release__dateline">{} –</span>', dateline.upper())
    match = OPENING_PARAGRAPH.match(rendered) if block.block_type == "paragraph" else None
    if match is None:
        return format_html("<p>{}</p>{}", label, rendered)
    # `rendered` is the block's own safe HTML; only the escaped label goes in.
    return mark_safe(f"{match.group(0)}{label} {rendered[match.end() :]}")  # noqa: S308
