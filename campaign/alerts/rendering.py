"""The alert as an e-mail: subject, plain text, HTML and the unsubscribe headers.

The HTML is written in MJML (alerts/email/alert.mjml) and compiled by MRML, the Rust port of
MJML, into the table layout that Outlook, Gmail and Apple Mail read at 600 px and on phones.
Both parts are rendered from one context, so they carry the same content.
"""

from dataclasses import dataclass

import mrml
from django.conf import settings
from django.template.loader import render_to_string
from wagtail.models import Site

from campaign.core.models import CampaignSettings

from .esp import merge_field
from .models import MediaAlert
from .release_content import absolute, embargo_subject, release_content

LOGO_RENDITION = "max-360x120"


class EmailRenderError(Exception):
    """The MJML template did not compile (a template bug, never the editor's input)."""


@dataclass(frozen=True)
class RenderedAlert:
    subject: str
    text: str
    html: str


def organisation() -> CampaignSettings:
    return CampaignSettings.for_site(Site.objects.get(is_default_site=True))


def logo_url(org: CampaignSettings) -> str:
    if not org.email_logo:
        return ""
    return absolute(org.email_logo.get_rendition(LOGO_RENDITION).url)


def email_subject(alert: MediaAlert) -> str:
    return embargo_subject(alert.release, alert.subject) if alert.release_id else alert.subject


def has_preview_link(alert: MediaAlert) -> bool:
    """Under embargo, recipients of an alert about a release each get a preview link; an alert
    without a release carries the one typed into it, if any."""
    return alert.under_embargo and bool(alert.release_id or alert.preview_url)


def email_context(alert: MediaAlert, unsubscribe_url: str, preview_url: str) -> dict:
    org = organisation()
    content = None
    if alert.release_id:
        content = release_content(alert.release, full_text=alert.content == alert.Content.FULL)
    embargo_notice = alert.current_embargo_notice
    if content and alert.under_embargo:
        embargo_notice = content.status_line
    return {
        "alert": alert,
        "org": org,
        "logo_url": logo_url(org),
        "release": content,
        "embargo_notice": embargo_notice,
        "paragraphs": [] if content and content.body else alert.paragraphs,
        "preview_url": preview_url if has_preview_link(alert) else "",
        "unsubscribe_url": unsubscribe_url,
    }


def compile_mjml(source: str) -> str:
    try:
        return mrml.to_html(source).content
    except Exception as error:  # MRML raises its own bare exception types
        raise EmailRenderError(str(error)) from error


def render_alert(
    alert: MediaAlert, unsubscribe_url: str | None = None, preview_url: str | None = None
) -> RenderedAlert:
    """Render the alert. Without an unsubscribe URL (or a preview URL, under embargo) the bodies
    carry merge fields that each recipient's own links replace at sending time."""
    context = email_context(
        alert,
        unsubscribe_url or merge_field("unsubscribe_url"),
        merge_field("preview_url") if preview_url is None else preview_url,
    )
    return RenderedAlert(
        subject=email_subject(alert),
        text=render_to_string("alerts/email/alert.txt", context),
        html=compile_mjml(render_to_string("alerts/email/alert.mjml", context)),
    )


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 one-click headers for one recipient."""
    targets = [f"<{unsubscribe_url}>"]
    if settings.ALERTS_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.ALERTS_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return {"List-Unsubscribe": ", ".join(targets)}


ONE_CLICK_HEADERS = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
