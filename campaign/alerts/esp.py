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

MERGE_FIELD = re.compile(r"%recipient\.([a-z_]+)%")

# Provider limits per API call (Anymail does not split batches itself).
PROVIDER_BATCH_LIMITS = {"mailgun": 1000, "postmark": 500}


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


ESP_BACKENDS = {
    "mailgun": "anymail.backends.mailgun.EmailBackend",
    "postmark": "campaign.alerts.esp.PostmarkBatchBackend",
}


def esp_name() -> str:
    return settings.ALERTS_ESP if settings.ALERTS_ESP in ESP_BACKENDS else ""


def batch_size() -> int:
    limit = PROVIDER_BATCH_LIMITS.get(esp_name(), 500)
    return min(settings.ALERTS_BATCH_SIZE or limit, limit)


def get_alert_connection() -> BaseEmailBackend:
    """The backend for alerts: the configured ESP, or the local outbox when there is none."""
    name = esp_name()
    if name:
        # Per-recipient statuses are recorded, so a batch with some refused addresses must not
        # raise and lose the statuses of the accepted ones.
        return get_connection(ESP_BACKENDS[name], ignore_recipient_status=True)
    return get_connection(settings.ALERTS_EMAIL_BACKEND)


def supports_batch(connection: BaseEmailBackend) -> bool:
    return isinstance(connection, AnymailBaseBackend)
