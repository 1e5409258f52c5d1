"""Compile the project's translation catalogues (.po to .mo) with polib, so that setting up needs
no GNU gettext tools (Django's compilemessages needs msgfmt)."""

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS to its .mo file."

    def handle(self, *args, **options):
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(folder.glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                if options["verbosity"]:
                    self.stdout.write(f"Compiled {po_path.relative_to(settings.BASE_DIR)}")
