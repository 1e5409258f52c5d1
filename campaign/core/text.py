"""Text no visitor, editor or provider has a use for, refused wherever input arrives."""

import re
from collections.abc import Iterable

# C0 control characters and DEL, but not tab, line feed and carriage return, which text areas
# send. PostgreSQL refuses NUL in text outright.
UNUSABLE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_unusable_characters(values: Iterable[str]) -> bool:
    return any(UNUSABLE_CHARACTERS.search(value) for value in values)


# A cell starting with one of these is run as a formula by spreadsheets (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """A leading apostrophe, which spreadsheets hide, keeps the cell plain text."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
