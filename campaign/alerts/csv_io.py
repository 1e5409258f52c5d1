"""CSV import and export of press contacts. Import keeps every good row, lists each bad one with
its line number and reason, and updates existing contacts matched by e-mail (any capitalisation)
instead of duplicating them."""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import ContactState, MediaList, PressContact

COLUMNS = ["name", "email", "outlet", "beat", "region", "phone", "notes", "lists", "state"]
TEXT_FIELDS = ["outlet", "beat", "region", "phone", "notes"]
LIST_SEPARATOR = ";"
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


class RowError(Exception):
    pass


def import_contacts(data: bytes, *, user=None) -> ImportResult:
    """Import contacts from CSV bytes (UTF-8, header row with at least name and email)."""
    result = ImportResult()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((1, "The file is not UTF-8 text. Save it as 'CSV UTF-8'."))
        return result
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = {"name", "email"} - set(header)
    if missing:
        result.errors.append(
            (1, f"The header row needs the column(s): {', '.join(sorted(missing))}.")
        )
        return result
    reader.fieldnames = header
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        try:
            with transaction.atomic():
                created = import_row(row, line, seen, user)
        except RowError as error:
            result.errors.append((line, str(error)))
        else:
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result


def clean_row(row: dict, line: int, seen: dict[str, int]) -> dict:
    if None in row:
        raise RowError("More values than there are columns.")
    values = {key: (value or "").strip() for key, value in row.items() if key in COLUMNS}
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


def import_row(row: dict, line: int, seen: dict[str, int], user) -> bool:
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
    names = [n.strip() for n in values.get("lists", "").split(LIST_SEPARATOR) if n.strip()]
    contact.lists.add(*[MediaList.objects.get_or_create(name=name)[0] for name in names])
    seen[values["email"]] = line
    return created


def export_contacts(contacts: Iterable[PressContact]) -> str:
    """The contacts as CSV text in the import's own format, so it round-trips."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for contact in contacts:
        writer.writerow(
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
            ]
        )
    return out.getvalue()
