"""Create (or reset) the development admin user and print its credentials."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the 'admin' superuser with a new random password and print it (dev only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for development; use createsuperuser instead.")
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  username: {username}  password: {password}"
            )
        )
