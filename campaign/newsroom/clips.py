"""Import press clips from a CSV file (date, outlet, headline, url, about[, reach]).

A clip is known by its URL: importing the file again updates the clips it already made. Bad rows
are reported with their line number; the good rows are kept.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction

from .models import PressClip

REQUIRED_COLUMNS = {"date", "outlet", "headline", "url"}


class PressClipRowForm(forms.ModelForm):
    date = forms.DateField(input_formats=["%Y-%m-%d"])
    url = forms.URLField(max_length=500, assume_scheme="https")

    class Meta:
        model = PressClip
        fields = ["outlet", "headline", "url", "about", "reach"]

    def save(self, commit: bool = True) -> PressClip:
        self.instance.published_on = self.cleaned_data["date"]
        return super().save(commit)


@dataclass
class ClipImportReport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


class ClipFileError(ValueError):
    """The file as a whole cannot be read as a clips CSV."""


def import_clips(text: str) -> ClipImportReport:
    """Create or update a clip per row; each bad row becomes a 'line N: reason' error."""
    reader = csv.DictReader(io.StringIO(text))
    columns = {name.strip().lower() for name in reader.fieldnames or []}
    missing = REQUIRED_COLUMNS - columns
    if missing:
        raise ClipFileError(f"missing column(s): {', '.join(sorted(missing))}")
    report = ClipImportReport()
    for row in reader:
        line = reader.line_num
        data = {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}
        existing = PressClip.objects.filter(url=data.get("url")).first()
        form = PressClipRowForm(data, instance=existing)
        if not form.is_valid():
            reasons = "; ".join(
                f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()
            )
            report.errors.append(f"line {line}: {reasons}")
            continue
        with transaction.atomic():
            form.save()
        if existing:
            report.updated += 1
        else:
            report.created += 1
    return report
