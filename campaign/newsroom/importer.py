"""Turn plain-text press releases (as extracted from the Council's PDFs) into draft releases.

The text has a letterhead, a CONTACT line, 'FOR IMMEDIATE RELEASE' with the date, an optional
lead, then 'CITY – ' and the body: paragraphs, quotes ('"...," says Name, role.') and bullet
lists introduced by a line ending in ':'. PDF extraction leaves an empty line after every line of
text; there, only lines holding whitespace separate paragraphs.
"""

import datetime
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import Truncator
from wagtail.rich_text import RichText

from .dates import RELEASE_TIME_ZONE
from .models import (
    ImportedRelease,
    MediaContact,
    NewsroomPage,
    PressReleasePage,
)

HEADLINE_WORDS = 16
BULLETS = "\u2022\u25aa\u25cf\u00b7\uf0b7\uf0a7*-"
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
STATUS_LINE = re.compile(r"FOR\s+IMMEDIATE\s+RELEASE[\s:\-\u2013\u2014]*(?P<rest>.*)", re.I)
WORD_DATE = re.compile(r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")
NUMERIC_DATE = re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})")
CONTACT_LINE = re.compile(r"CONTACT:\s*(?P<rest>.+)", re.I)
PHONE = re.compile(r"\(?\d{3}\)?[\s./-]?\d{3}[\s.-]\d{4}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.' ]{1,40}?)(?:,\s*[A-Za-z.]+)?\s+[\u2013\u2014-]{1,2}\s+"
)
NAME = r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,2}"
QUOTE_SAYS = re.compile(
    rf"^\u201c(?P<q1>.+?)\u201d\s+(?:says|said)\s+(?P<speaker>{NAME}),\s+(?P<role>.+?)\."
    r"(?:\s+\u201c(?P<q2>.+)\u201d)?$"
)
QUOTE_SAID = re.compile(
    rf"^(?P<speaker>{NAME}),\s+(?P<role>.+?),?\s+(?:says|said):?\s+\u201c(?P<q1>.+)\u201d$"
)
END_MARKS = {"###", "# # #", "-30-", "- end -", "-end-"}


class ReleaseParseError(ValueError):
    """The file is not a press release this importer understands; the message says why."""


@dataclass
class ParsedContact:
    name: str
    title: str = ""
    phones: list[str] = field(default_factory=list)
    email: str = ""


@dataclass
class ParsedRelease:
    headline: str
    summary: str
    release_date: datetime.date
    dateline: str
    contact: ParsedContact | None
    blocks: list[tuple[str, object]]


@dataclass
class Paragraph:
    text: str
    is_item: bool = False


@dataclass
class ImportResult:
    path: Path
    status: str  # "imported", "skipped" or "failed"
    message: str
    page: PressReleasePage | None = None


def decode(data: bytes) -> str:
    """The file's text; binary or non-UTF-8 content is refused with a reason."""
    if b"\x00" in data:
        raise ReleaseParseError("binary file, not plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReleaseParseError(f"not UTF-8 text (byte {error.start})") from error
    if not text.strip():
        raise ReleaseParseError("the file is empty")
    return text


def parse_date(text: str) -> datetime.date | None:
    for pattern in (WORD_DATE, NUMERIC_DATE):
        match = pattern.search(text)
        if not match:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        try:
            return datetime.date(int(match["year"]), number or 0, int(match["day"]))
        except ValueError:
            continue
    return None


def parse_contact(text: str) -> ParsedContact:
    phones = PHONE.findall(text)
    email_match = EMAIL.search(text)
    name, _, rest = text.partition(",")
    title = re.split(r"\s+at\s+|[;:]|\(?\d{3}", rest, maxsplit=1)[0].strip(" ,.")
    return ParsedContact(
        name=name.strip(),
        title=title,
        phones=[phone.replace("/", "-") for phone in phones],
        email=email_match.group(0) if email_match else "",
    )


def is_double_spaced(lines: list[str]) -> bool:
    """PDF extraction puts an empty line after each line of text: then those are not breaks."""
    text_lines = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    followed_by_empty = sum(1 for i in text_lines if lines[i + 1] == "")
    return bool(text_lines) and followed_by_empty / len(text_lines) > 0.6


def split_paragraphs(lines: list[str]) -> list[Paragraph]:
    double_spaced = is_double_spaced(lines)
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    current_is_item = False

    def flush():
        nonlocal current
        text = ""
        for line in current:
            if text.endswith("-") and line[:1].isalnum():
                text += line
            else:
                text = f"{text} {line}" if text else line
        if text:
            paragraphs.append(Paragraph(" ".join(text.split()), current_is_item))
        current = []

    for raw in lines:
        if not raw.strip():
            if raw or not double_spaced:
                flush()
            continue
        stripped = raw.strip()
        bullet = stripped[0] in BULLETS and stripped[1:2] in (" ", "\t")
        indented = raw[:1].isspace()
        after_colon = bool(current) and current[-1].endswith(":")
        # An indented line after 'include:' or inside a list starts a new item: the PDF's
        # bullet glyphs are often lost in extraction, but their indentation is not.
        new_item = bullet or (indented and current and (after_colon or current_is_item))
        if new_item:
            flush()
        starts_item = bullet or indented
        if not current:
            current_is_item = starts_item
        current.append(stripped[2:].strip() if bullet else stripped)
    flush()
    return paragraphs


def paragraph_block(text: str) -> tuple[str, RichText]:
    return ("paragraph", RichText(f"<p>{html.escape(text, quote=False)}</p>"))


def quote_block(text: str) -> tuple[str, dict] | None:
    match = QUOTE_SAYS.match(text) or QUOTE_SAID.match(text)
    if not match:
        return None
    first, second = match["q1"].strip(), (match.groupdict().get("q2") or "").strip()
    if second:
        # '"First part," says X. "Second part."' becomes one quotation of two sentences.
        first = re.sub(r",(\u2019?)$", r".\1", first)
    quote = f"{first} {second}".strip()
    if quote[-1:] not in ".!?\u2019":
        quote += "."
    return ("quote", {"quote": quote, "speaker": match["speaker"], "role": match["role"]})


def body_blocks(paragraphs: list[Paragraph]) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        items = []
        if paragraph.text.endswith(":"):
            following = index + 1
            while following < len(paragraphs) and paragraphs[following].is_item:
                items.append(paragraphs[following].text)
                following += 1
        if items:
            blocks.append(
                (
                    "highlights",
                    {
                        "heading": paragraph.text,
                        "items": [RichText(html.escape(item, quote=False)) for item in items],
                    },
                )
            )
            index += len(items) + 1
            continue
        blocks.append(quote_block(paragraph.text) or paragraph_block(paragraph.text))
        index += 1
    return blocks


def guess_headline(lead: list[str], body: list[Paragraph]) -> str:
    """A short title line before the dateline if there is one, else the lead's first sentence."""
    source = lead[0] if lead else body[0].text
    if len(source) <= 120 and source[-1:] not in ".:;,":
        return source
    sentence = re.split(r"(?<=[.!?])\s", source, maxsplit=1)[0]
    sentence = re.sub(r"\s*\([^)]*\)?", "", sentence)
    sentence = re.sub(r"https?://\S+", "", sentence).strip(" .,:")
    return Truncator(sentence).words(HEADLINE_WORDS, truncate="\u2026")


def parse_release(text: str) -> ParsedRelease:
    """Read one release's text; raises ReleaseParseError saying what is missing."""
    lines = [line.rstrip("\r\n") for line in text.splitlines()]
    status_index = next((i for i, line in enumerate(lines) if STATUS_LINE.search(line)), None)
    if status_index is None:
        raise ReleaseParseError("no 'FOR IMMEDIATE RELEASE' line: this is not a press release")
    release_date = parse_date(STATUS_LINE.search(lines[status_index])["rest"])
    body_start = status_index + 1
    if release_date is None:
        following = next((i for i in range(body_start, len(lines)) if lines[i].strip()), None)
        release_date = parse_date(lines[following]) if following is not None else None
        body_start = (following or status_index) + 1
    if release_date is None:
        raise ReleaseParseError("no release date after 'FOR IMMEDIATE RELEASE'")

    contact = None
    for line in lines[:status_index]:
        match = CONTACT_LINE.search(line)
        if match:
            contact = parse_contact(match["rest"].strip())

    body_lines = []
    for line in lines[body_start:]:
        if line.strip().lower() in END_MARKS:
            break
        body_lines.append(line)
    paragraphs = split_paragraphs(body_lines)
    dateline_index = next(
        (i for i, p in enumerate(paragraphs) if DATELINE.match(p.text) and not p.is_item), None
    )
    if dateline_index is None:
        raise ReleaseParseError("no dateline ('CITY \u2013 ...') opening the body")
    first = paragraphs[dateline_index]
    match = DATELINE.match(first.text)
    lead = [p.text for p in paragraphs[:dateline_index]]
    body = [Paragraph(first.text[match.end() :]), *paragraphs[dateline_index + 1 :]]
    return ParsedRelease(
        headline=guess_headline(lead, body),
        summary=" ".join(lead),
        release_date=release_date,
        dateline=match["city"].strip(),
        contact=contact,
        blocks=body_blocks(body),
    )


def find_or_create_contact(parsed: ParsedContact) -> MediaContact:
    contact = MediaContact.objects.filter(name=parsed.name).first()
    if contact:
        return contact
    phones = [*parsed.phones, "", ""]
    return MediaContact.objects.create(
        name=parsed.name,
        title=parsed.title,
        phone=phones[0],
        alternate_phone=phones[1],
        email=parsed.email,
    )


def create_draft(parsed: ParsedRelease, newsroom: NewsroomPage) -> PressReleasePage:
    release_at = datetime.datetime.combine(parsed.release_date, datetime.time(), RELEASE_TIME_ZONE)
    page = PressReleasePage(
        title=parsed.headline,
        summary=parsed.summary,
        release_at=release_at,
        dateline=parsed.dateline,
        body=parsed.blocks,
        live=False,
    )
    newsroom.add_child(instance=page)
    if parsed.contact:
        page.contacts.add(find_or_create_contact(parsed.contact))
        page.save()
    page.save_revision()
    return page


def import_release_file(path: Path, newsroom: NewsroomPage) -> ImportResult:
    """Import one file as a draft; never raises for a bad file, it reports it instead."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImportResult(path, "failed", f"cannot read the file: {error.strerror}")
    checksum = hashlib.sha256(data).hexdigest()
    existing = ImportedRelease.objects.filter(checksum=checksum).select_related("page").first()
    if existing:
        return ImportResult(
            path, "skipped", f"already imported as \u201c{existing.page.title}\u201d", existing.page
        )
    try:
        parsed = parse_release(decode(data))
    except ReleaseParseError as error:
        return ImportResult(path, "failed", str(error))
    with transaction.atomic():
        page = create_draft(parsed, newsroom)
        ImportedRelease.objects.create(checksum=checksum, filename=path.name[:255], page=page)
    return ImportResult(
        path, "imported", f"draft \u201c{page.title}\u201d ({parsed.release_date})", page
    )
