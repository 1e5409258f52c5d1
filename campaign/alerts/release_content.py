"""What an alert carries from its press release: dateline, text, contacts, attachments and the
boilerplate, each as e-mail-safe HTML and as plain text (one of the places alerts read newsroom).

An embargoed release is read from its latest revision, the same text its preview links show; a
public one from the live page."""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

from campaign.newsroom import plaintext
from campaign.newsroom.dates import format_release_time
from campaign.newsroom.models import MediaContact, PressReleasePage

RELATIVE_LINK = re.compile(r'(href|src)="(/[^"]*)"')


@dataclass
class Block:
    html: SafeString
    text: str


@dataclass
class ReleaseContent:
    status_line: str
    date: str
    dateline: str
    subheadline: str
    body: list[Block] = field(default_factory=list)
    contacts: list[MediaContact] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)
    boilerplate_heading: str = ""
    boilerplate: Block | None = None


def absolute(url: str) -> str:
    return urljoin(settings.ALERTS_BASE_URL.rstrip("/") + "/", url)


def email_html(value: str) -> SafeString:
    """Rich text with Wagtail's references expanded and every link absolute (a mail program has
    no site to resolve '/news/...' against)."""
    expanded = expand_db_html(value)
    return mark_safe(RELATIVE_LINK.sub(lambda m: f'{m[1]}="{absolute(m[2])}"', expanded))  # noqa: S308


def block_html(block) -> SafeString:
    value = block.value
    if block.block_type == "paragraph":
        return email_html(value.source)
    if block.block_type == "quote":
        attribution = ", ".join(part for part in (value["speaker"], value["role"]) if part)
        return format_html(
            "<blockquote>\u201c{}\u201d<br>\u2014 {}</blockquote>", value["quote"], attribution
        )
    if block.block_type == "highlights":
        items = "".join(f"<li>{email_html(item.source)}</li>" for item in value["items"])
        heading = f"<p>{escape(value['heading'])}</p>" if value["heading"] else ""
        return mark_safe(f"{heading}<ul>{items}</ul>")  # noqa: S308
    if block.block_type == "fact":
        fact = value["fact"]
        return format_html(
            "<p><strong>{}</strong> {} <em>(Source: {})</em></p>",
            fact.figure,
            fact.claim,
            fact.source_title,
        )
    if block.block_type == "document":
        document = value["document"]
        return format_html(
            '<p><a href="{}">{}</a></p>', absolute(document.url), value["title"] or document.title
        )
    return SafeString("")  # images stay on the web page: many mail programs block them


def release_version(release: PressReleasePage) -> PressReleasePage:
    """The text the recipient may read now: the live page, or the latest draft under embargo."""
    release = release.specific
    if release.live and not release.is_embargoed:
        return release
    return release.get_latest_revision_as_object()


def release_content(release: PressReleasePage, *, full_text: bool) -> ReleaseContent:
    page = release_version(release)
    boilerplate = page.get_boilerplate()
    content = ReleaseContent(
        status_line=page.status_line,
        date=format_release_time(page.embargo_until or page.release_at),
        dateline=page.dateline.upper(),
        subheadline=page.subheadline,
        contacts=list(page.contacts.all()),
        attachments=[
            (attachment.display_title, absolute(attachment.document.url))
            for attachment in page.attachments.all()
        ],
    )
    if full_text:
        blocks = (Block(block_html(block), plaintext.block_to_text(block)) for block in page.body)
        content.body = [block for block in blocks if block.html]
    if boilerplate:
        content.boilerplate_heading = boilerplate.heading
        content.boilerplate = Block(
            email_html(boilerplate.text), plaintext.html_to_text(boilerplate.text)
        )
    return content


def embargo_subject(release: PressReleasePage, subject: str) -> str:
    """'EMBARGOED until Jan. 11, 2017, 10:00 a.m. EST: <subject>' while the embargo holds."""
    if not release.is_embargoed or subject.upper().startswith("EMBARGOED"):
        return subject
    return f"EMBARGOED until {format_release_time(release.embargo_until)}: {subject}"
