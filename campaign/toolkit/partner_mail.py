"""E-mails about partner registrations: the officers hear of a new one, and an approved partner
receives its code, its embed codes and its private report link. One message per recipient,
sent once, at the moment of the event (registration or approval)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection, send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .embeds import embed_codes
from .models import CampaignAsset, Partner, ToolkitPage
from .presets import DEFAULT_EMBED_PRESET, PRESETS


def send(subject: str, body: str, to: str) -> int:
    connection = get_connection(settings.TOOLKIT_EMAIL_BACKEND)
    return send_mail(subject, body, settings.TOOLKIT_FROM_EMAIL, [to], connection=connection)


def officer_addresses() -> list[str]:
    """Everyone who may approve partners (the officers and administrators) with an address."""
    users = get_user_model().objects.with_perm(
        "toolkit.change_partner", backend="django.contrib.auth.backends.ModelBackend"
    )
    return sorted({user.email for user in users if user.email})


def notify_officers(partner: Partner) -> int:
    """Tell the officers a partner registered and where to approve it; how many were told."""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_toolkit_partner:edit", args=[partner.pk]
    )
    body = render_to_string(
        "toolkit/email/registered.txt", {"partner": partner, "admin_url": admin_url}
    )
    subject = _("Partner registration to review: %(name)s") % {"name": partner.organisation}
    sent = 0
    for address in officer_addresses():
        sent += send(subject, body, address)
    return sent


def send_approval(partner: Partner, request: HttpRequest) -> None:
    """Send the approved partner its code, embed codes for every active asset and its report."""
    toolkit = ToolkitPage.find()
    preset = PRESETS[DEFAULT_EMBED_PRESET]
    assets = [
        (
            asset,
            toolkit.asset_url(asset, request) if toolkit else "",
            embed_codes(request, asset, preset, partner.code),
        )
        for asset in CampaignAsset.objects.active()
        .filter(locale=Locale.get_default())
        .select_related("image")
    ]
    context = {
        "partner": partner,
        "toolkit_url": toolkit.get_full_url(request) if toolkit else "",
        "report_url": request.build_absolute_uri(partner.report_path()),
        "assets": assets,
        "preset": preset,
    }
    subject = _("Your End Demand CT partner code: %(code)s") % {"code": partner.code}
    body = render_to_string("toolkit/email/approved.txt", context)
    send(subject, body, partner.contact_email)


def send_decline(partner: Partner) -> None:
    body = render_to_string("toolkit/email/declined.txt", {"partner": partner})
    subject = _("Your End Demand CT partner registration")
    send(subject, body, partner.contact_email)
