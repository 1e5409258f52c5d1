"""The alert as an e-mail: subject, plain text, HTML and the unsubscribe headers."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from wagtail.models import Site

from campaign.core.models import CampaignSettings

from .esp import merge_field
from .models import MediaAlert


@dataclass(frozen=True)
class RenderedAlert:
    subject: str
    text: str
    html: str


def organisation() -> CampaignSettings:
    return CampaignSettings.for_site(Site.objects.get(is_default_site=True))


def render_alert(alert: MediaAlert, unsubscribe_url: str | None = None) -> RenderedAlert:
    """Render the alert. Without an unsubscribe URL the bodies carry a merge field that each
    recipient's own link replaces at sending time."""
    context = {
        "alert": alert,
        "org": organisation(),
        "unsubscribe_url": unsubscribe_url or merge_field("unsubscribe_url"),
    }
    return RenderedAlert(
        subject=alert.subject,
        text=render_to_string("alerts/email/alert.txt", context),
        html=render_to_string("alerts/email/alert.html", context),
    )


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 one-click headers for one recipient."""
    targets = [f"<{unsubscribe_url}>"]
    if settings.ALERTS_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.ALERTS_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return {"List-Unsubscribe": ", ".join(targets)}


ONE_CLICK_HEADERS = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
