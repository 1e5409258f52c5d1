"""A local outbox for development: every message is written as an .eml file, never sent."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.crypto import get_random_string


class OutboxBackend(BaseEmailBackend):
    """Writes each message to ALERTS_OUTBOX_DIR as <timestamp>-<random>.eml (open it in any
    mail program)."""

    def send_messages(self, email_messages):
        directory = Path(settings.ALERTS_OUTBOX_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%f")
            path = directory / f"{stamp}-{get_random_string(6)}.eml"
            path.write_bytes(message.message().as_bytes())
        return len(email_messages)
