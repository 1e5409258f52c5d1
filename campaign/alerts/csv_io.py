"""CSV import and export of press contacts. The import is planned first (the officer's preview),
then run: it keeps every good row, lists each bad one with its line number and reason, updates
existing contacts matched by e-mail (any capitalisation) instead of duplicating them, and
creates only the new lists the officer confirmed. The export guards cells against spreadsheet
formulas."""

import csv
import io
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower

from campaign.core.text import FORMULA_STARTS, neutralise_formula

from .models import ContactState, MediaList, PressContact, is_administrator

COLUMNS = ["name", "email", "outlet", "beat", "region", "phone", "notes", "lists", "state"]
TEXT_FIELDS = ["outlet", "beat", "region", "phone", "notes"]
LIST_SEPARATOR = ";"
PROGRESS_EVERY = 100
MAX_LENGTHS = {f.name: f.max_length for f in PressContact._meta.fields if f.max_length}
STATE_BY_LABEL = {
    **{value: value for value in ContactState.values},
    **{label.lower(): value for value, label in ContactState.choices},
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ImportPlan:
    """What importing a file would do, worked out without writing anything."""

    total_rows: int = 0
    to_create: int = 0
    to_update: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)
    # List names no media list has yet -> how many rows name them.
    unknown_lists: dict[str, int] = field(default_factory=dict)


class RowError(Exception):
    pass


class FileError(Exception):
    """The whole file cannot be read: not UTF-8, or no name and email columns."""


def read_rows(data: bytes) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each data row of CSV bytes (UTF-8, header row with at least name
    and email); FileError before the first row when the file cannot be read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileError("The file is not UTF-8 text. Save it as 'CSV UTF-8'.") from error
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = {"name", "email"} - set(header)
    if missing:
        raise FileError(f"The header row needs the column(s): {', '.join(sorted(missing))}.")
    reader.fieldnames = header
    for row in reader:
        yield reader.line_num, row


def list_names(values: dict) -> list[str]:
    return [n.strip() for n in values.get("lists", "").split(LIST_SEPARATOR) if n.strip()]


def plan_import(data: bytes, *, user=None) -> ImportPlan:
    """The preview: every row checked as the import would check it, with a few queries for the
    whole file (existing addresses, do-not-contact flags, list names). Raises FileError."""
    rows = list(read_rows(data))
    plan = ImportPlan(total_rows=len(rows))
    checked, seen = [], {}
    for line, row in rows:
        try:
            values = clean_row(row, line, seen)
        except RowError as error:
            plan.refused.append((line, str(error)))
        else:
            seen[values["email"]] = line
            checked.append((line, values))
    emails = [values["email"] for _, values in checked]
    existing = dict(
        PressContact.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .values_list("email_lower", "state")
    )
    known_lists = set(MediaList.objects.values_list("name", flat=True))
    may_clear = is_administrator(user)
    for line, values in checked:
        state = existing.get(values["email"])
        if state is None and not values.get("name"):
            plan.refused.append((line, "The name is missing."))
            continue
        clears = state == ContactState.DO_NOT_CONTACT and values["state"] not in ("", state)
        if clears and not may_clear:
            plan.refused.append((line, "Only an administrator can clear 'Do not contact'."))
            continue
        if state is None:
            plan.to_create += 1
        else:
            plan.to_update += 1
        for name in list_names(values):
            if name not in known_lists:
                plan.unknown_lists[name] = plan.unknown_lists.get(name, 0) + 1
    plan.refused.sort()
    return plan


def import_contacts(
    data: bytes,
    *,
    user=None,
    new_lists: Collection[str] = (),
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import contacts from CSV bytes, keeping every good row. Lists that do not exist are
    created only when named in `new_lists`; a row naming another is imported without it.
    `progress(rows_done)` is called every PROGRESS_EVERY rows. Raises FileError."""
    result = ImportResult()
    seen: dict[str, int] = {}
    lists = {media_list.name: media_list for media_list in MediaList.objects.all()}
    for count, (line, row) in enumerate(read_rows(data), start=1):
        try:
            with transaction.atomic():
                created = import_row(row, line, seen, user, lists, new_lists)
        except RowError as error:
            result.errors.append((line, str(error)))
        else:
            if created:
                result.created += 1
            else:
                result.updated += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    return result


def clean_row(row: dict, line: int, seen: dict[str, int]) -> dict:
    if None in row:
        raise RowError("More values than there are columns.")
    values = {
        key: without_formula_guard((value or "").strip())
        for key, value in row.items()
        if key in COLUMNS
    }
    email = values.get("email", "").lower()
    if not email:
        raise RowError("The e-mail address is missing.")
    try:
        validate_email(email)
    except ValidationError as error:
        raise RowError(f"'{email}' is not a valid e-mail address.") from error
    if email in seen:
        raise RowError(f"{email} already appears on line {seen[email]}.")
    values["email"] = email
    for name, value in values.items():
        limit = MAX_LENGTHS.get(name)
        if limit and name != "lists" and len(value) > limit:
            raise RowError(f"The {name} is longer than {limit} characters.")
    state = values.get("state", "")
    if state and state.lower() not in STATE_BY_LABEL:
        raise RowError(f"Unknown state '{state}'. Use one of: {', '.join(ContactState.values)}.")
    values["state"] = STATE_BY_LABEL.get(state.lower(), "")
    return values


def import_row(row: dict, line: int, seen: dict[str, int], user, lists, new_lists) -> bool:
    values = clean_row(row, line, seen)
    contact = PressContact.objects.filter(email__iexact=values["email"]).first()
    created = contact is None
    if created:
        if not values.get("name"):
            raise RowError("The name is missing.")
        contact = PressContact(email=values["email"])
    if values.get("name"):
        contact.name = values["name"]
    for name in TEXT_FIELDS:
        if values.get(name):
            setattr(contact, name, values[name])
    if values["state"]:
        contact.state = values["state"]
    contact.acting_user = user
    try:
        contact.save()
    except PermissionDenied as error:
        raise RowError(str(error)) from error
    for name in list_names(values):
        if name not in lists and name in new_lists:
            lists[name] = MediaList.objects.get_or_create(name=name)[0]
    contact.lists.add(*[lists[name] for name in list_names(values) if name in lists])
    seen[values["email"]] = line
    return created


def export_contacts(contacts: Iterable[PressContact]) -> str:
    """The contacts as CSV text in the import's own format, so it round-trips."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for contact in contacts:
        write_guarded(
            writer,
            [
                contact.name,
                contact.email,
                contact.outlet,
                contact.beat,
                contact.region,
                contact.phone,
                contact.notes,
                LIST_SEPARATOR.join(media_list.name for media_list in contact.lists.all()),
                contact.state,
            ],
        )
    return out.getvalue()


def write_guarded(writer, cells: list[str]) -> None:
    """A spreadsheet opening the export must not run a cell as a formula (OWASP's CSV
    injection advice): a cell starting with = + - @ or a tab/carriage return gets a leading
    apostrophe, which spreadsheets hide and the import takes off again."""
    writer.writerow([neutralise_formula(cell) for cell in cells])


def without_formula_guard(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
