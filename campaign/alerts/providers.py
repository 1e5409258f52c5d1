"""The registry of delivery providers: one entry per provider, read by every part that differs
between them, so adding a provider is adding an entry (and its tracking view, if Anymail's needs
adapting).

Readers:
- campaign/settings/base.py and production.py: which ANYMAIL settings come from the environment,
  and which of them production requires (`anymail_settings`, `Provider.secrets`);
- campaign/urls.py and campaign/alerts/webhooks.py: each provider's tracking webhook URL
  (`Provider.webhook_path`), answered only for the configured provider, by its view
  (`Provider.tracking_view`);
- campaign/alerts/esp.py: the backend that sends and the provider's batch limit.

Everything here is a plain value or a dotted path, so settings can read it before Django starts.
`channel` is the seam for a second channel: an SMS provider would be an entry with channel "sms",
its own backend and tracking view, and delivery would pick the backend by the contact's channel.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provider:
    name: str  # the ANYMAIL_ESP value and the webhook URL's segment
    channel: str  # "email" for now; see the module docstring
    backend: str  # dotted path of the Django e-mail backend
    tracking_view: str  # dotted path of the view that validates and parses tracking events
    batch_limit: int  # recipients (or messages) per API call; Anymail does not split batches
    # ANYMAIL keys that are secrets: read from the environment variable of the same name, set
    # only when not empty (an empty signing key must never verify anything), required in
    # production.
    secrets: tuple[str, ...]
    # ANYMAIL keys that are not secret, with their defaults; the environment may override them.
    options: Mapping[str, str] = field(default_factory=dict)

    @property
    def webhook_path(self) -> str:
        """Where the provider posts tracking events (with the ANYMAIL_WEBHOOK_SECRET basic auth)."""
        return f"anymail/{self.name}/tracking/"


PROVIDERS: dict[str, Provider] = {
    provider.name: provider
    for provider in (
        Provider(
            name="mailgun",
            channel="email",
            backend="anymail.backends.mailgun.EmailBackend",
            tracking_view="campaign.alerts.webhooks.MailgunTrackingView",
            batch_limit=1000,
            secrets=("MAILGUN_API_KEY", "MAILGUN_WEBHOOK_SIGNING_KEY"),
            options={"MAILGUN_API_URL": "https://api.mailgun.net/v3"},
        ),
        Provider(
            name="postmark",
            channel="email",
            backend="campaign.alerts.esp.PostmarkBatchBackend",
            tracking_view="campaign.alerts.webhooks.PostmarkTrackingView",
            batch_limit=500,
            secrets=("POSTMARK_SERVER_TOKEN",),
            options={
                "POSTMARK_API_URL": "https://api.postmarkapp.com/",
                "POSTMARK_MESSAGE_STREAM": "broadcast",
            },
        ),
    )
}


def anymail_settings(environ: Mapping[str, str]) -> dict[str, str]:
    """Every provider's ANYMAIL options, and the secrets the environment sets (never empty ones)."""
    values = {}
    for provider in PROVIDERS.values():
        for key, default in provider.options.items():
            values[key] = environ.get(key, "").strip() or default
        for key in provider.secrets:
            if environ.get(key, "").strip():
                values[key] = environ[key].strip()
    return values
