"""A press release as plain text for wire services: wrapped at 72 columns, no markup."""

import html
import re
import textwrap

from django.http import HttpRequest
from django.utils.html import strip_tags

WIDTH = 72
BLOCK_TAGS = re.compile(r"</(p|h2|h3|li)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    """Rich text as plain paragraphs, one blank line between them."""
    text = html.unescape(strip_tags(BLOCK_TAGS.sub("\n\n", value)))
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(wrap(p) for p in paragraphs if p)


def wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent))


def block_to_text(block) -> str:
    value = block.value
    if block.block_type == "paragraph":
        return html_to_text(value.source)
    if block.block_type == "quote":
        attribution = ", ".join(part for part in (value["speaker"], value["role"]) if part)
        return wrap(f"\u201c{value['quote']}\u201d \u2014 {attribution}")
    if block.block_type == "highlights":
        lines = [wrap(value["heading"])] if value["heading"] else []
        lines += [wrap(" ".join(strip_tags(item.source).split()), "* ") for item in value["items"]]
        return "\n".join(lines)
    if block.block_type == "fact":
        fact = value["fact"]
        return wrap(f"{fact.figure}: {fact.claim} (Source: {fact.source_title})")
    if block.block_type == "document":
        document = value["document"]
        return wrap(f"{value['title'] or document.title}: {document.url}")
    if block.block_type == "image" and value["caption"]:
        return wrap(f"[Image: {value['caption']}]")
    return ""


def contact_line(contact) -> str:
    parts = [contact.name, contact.title, contact.organisation, *contact.phones, contact.email]
    return "CONTACT: " + ", ".join(part for part in parts if part)


def context(page, request: HttpRequest) -> dict:
    """What the plain-text template needs: every part already wrapped, every link absolute."""
    boilerplate = page.get_boilerplate()
    body = [text for text in (block_to_text(block) for block in page.body) if text]
    if body:
        first, _, rest = body[0].partition("\n\n")
        first = wrap(f"{page.dateline.upper()} \u2013 {' '.join(first.split())}")
        body[0] = f"{first}\n\n{rest}" if rest else first
    return {
        "page": page,
        "headline": wrap(page.title.upper()),
        "subheadline": wrap(page.subheadline) if page.subheadline else "",
        "body": body,
        "contacts": [wrap(contact_line(contact)) for contact in page.contacts.all()],
        "attachments": [
            (attachment.display_title, request.build_absolute_uri(attachment.document.url))
            for attachment in page.attachments.select_related("document")
        ],
        "boilerplate_heading": boilerplate.heading if boilerplate else "",
        "boilerplate_text": html_to_text(boilerplate.text) if boilerplate else "",
    }
