"""python manage.py import_press_clips FILE : press coverage from a CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.newsroom.clips import ClipFileError, import_clips


class Command(BaseCommand):
    help = (
        "Import press clips from a CSV file with the columns date (YYYY-MM-DD), outlet, "
        "headline, url, about and optionally reach. Clips are matched by URL, so importing a "
        "file again updates them. Bad rows are reported with their line number."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE")

    def handle(self, *args, file: Path, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot read it as UTF-8 text ({error})") from error
        try:
            report = import_clips(text)
        except ClipFileError as error:
            raise CommandError(f"{file}: {error}") from error
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"{file}: {error}"))
        self.stdout.write(
            f"{file}: {report.created} created, {report.updated} updated, "
            f"{len(report.errors)} failed."
        )
        if report.errors:
            raise CommandError(f"{len(report.errors)} row(s) failed.")
