"""python manage.py import_press_releases FILE... : plain-text releases become draft pages."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.newsroom.importer import import_release_file
from campaign.newsroom.models import NewsroomPage


class Command(BaseCommand):
    help = (
        "Import plain-text press releases as draft press releases under the newsroom. Each file "
        "is reported as imported, skipped (already imported) or failed with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args, files: list[Path], **options):
        newsroom = NewsroomPage.objects.first()
        if newsroom is None:
            raise CommandError("There is no newsroom page yet: create one in the admin first.")
        failed = 0
        for path in files:
            result = import_release_file(path, newsroom)
            line = f"{result.status}: {path}: {result.message}"
            if result.status == "failed":
                failed += 1
                self.stderr.write(self.style.ERROR(line))
            elif result.status == "imported":
                self.stdout.write(self.style.SUCCESS(line))
            else:
                self.stdout.write(self.style.WARNING(line))
        if failed:
            raise CommandError(f"{failed} of {len(files)} files failed.")
