"""Which e-mail backend sends alerts, and how per-recipient values reach each message.

Alert bodies carry merge fields written Mailgun's way, `%recipient.unsubscribe_url%`. Mailgun
fills them from Anymail's `merge_data` (its recipient-variables). Postmark's batch API only fills
merge data into templates stored at Postmark, so `PostmarkBatchBackend` fills the same fields into
each message of the batch before Anymail posts it. Backends that are not Anymail (the local
outbox, the test outbox) get one message per recipient with the fields already filled in.
"""

import re

from anymail.backends.base import AnymailBaseBackend
from anymail.backends.postmark import EmailBackend as PostmarkEmailBackend
from anymail.backends.postmark import PostmarkPayload
from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from .providers import PROVIDERS, Provider

# Messages per call without a provider (the outbox and SMTP send one message per recipient).
DEFAULT_BATCH_LIMIT = 500
MERGE_FIELD = re.compile(r"%recipient\.([a-z_]+)%")


def merge_field(name: str) -> str:
    return f"%recipient.{name}%"


def fill_merge_fields(text: str, values: dict[str, str]) -> str:
    return MERGE_FIELD.sub(lambda match: str(values.get(match.group(1), "")), text)


class PostmarkBatchPayload(PostmarkPayload):
    def __init__(self, message, defaults, backend, *args, **kwargs):
        self.body_merge_data = {}
        super().__init__(message, defaults, backend, *args, **kwargs)

    def set_merge_data(self, merge_data):
        # Kept away from PostmarkPayload.merge_data, which only works with stored templates.
        self.body_merge_data = merge_data

    def data_for_recipient(self, to):
        data = super().data_for_recipient(to)
        values = self.body_merge_data.get(to.addr_spec, {})
        for field in ("TextBody", "HtmlBody"):
            if field in data:
                data[field] = fill_merge_fields(data[field], values)
        return data


class PostmarkBatchBackend(PostmarkEmailBackend):
    """Anymail's Postmark backend, posting to /email/batch with each recipient's own links."""

    def build_message_payload(self, message, defaults):
        return PostmarkBatchPayload(message, defaults, self)


def configured_provider() -> Provider | None:
    """The provider ANYMAIL_ESP names (campaign/alerts/providers.py), or None for no provider."""
    return PROVIDERS.get(settings.ALERTS_ESP)


def batch_size() -> int:
    provider = configured_provider()
    limit = provider.batch_limit if provider else DEFAULT_BATCH_LIMIT
    return min(settings.ALERTS_BATCH_SIZE or limit, limit)


def get_alert_connection() -> BaseEmailBackend:
    """The backend for alerts: the configured ESP, or the local outbox when there is none."""
    provider = configured_provider()
    if provider:
        # Per-recipient statuses are recorded, so a batch with some refused addresses must not
        # raise and lose the statuses of the accepted ones.
        return get_connection(provider.backend, ignore_recipient_status=True)
    return get_connection(settings.ALERTS_EMAIL_BACKEND)


def supports_batch(connection: BaseEmailBackend) -> bool:
    return isinstance(connection, AnymailBaseBackend)
