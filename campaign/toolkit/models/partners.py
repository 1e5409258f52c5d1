"""Partner organisations that show campaign assets on their own sites."""

import re
import secrets

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..panels import CountsPanel, PartnerAccessPanel

# A CSP host-source: optional scheme, optional "*." wildcard, host name, optional port. Nothing
# else may reach the Content-Security-Policy header, so a stray ";" cannot add a directive.
HOST_SOURCE = re.compile(
    r"^(https?://)?(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
    r"(:\d{1,5})?$"
)


def split_domains(text: str) -> list[str]:
    return [line.strip().lower().rstrip("/") for line in text.splitlines() if line.strip()]


def validate_domains(text: str) -> None:
    bad = [domain for domain in split_domains(text) if not HOST_SOURCE.match(domain)]
    if bad:
        raise ValidationError(
            "Not a web site domain: %(bad)s. Write one per line, like 'www.example.org', "
            "'*.example.org' or 'https://example.org:8443'.",
            params={"bad": ", ".join(bad)},
        )


# The report link is signed, so it cannot be guessed or altered, and carries the report key, so
# replacing the key revokes it.
REPORT_SALT = "campaign.toolkit.partner-report"


def new_report_key() -> str:
    return secrets.token_urlsafe(16)


class PartnerQuerySet(models.QuerySet):
    def active(self):
        """Approved partners whose code is in use: their embeds are counted under their name."""
        return self.filter(active=True, status=Partner.Status.APPROVED)

    def pending(self):
        return self.filter(status=Partner.Status.PENDING)


class Partner(index.Indexed, models.Model):
    """An organisation that shows the campaign's assets on its sites, identified by a public code
    so its embeds are counted under its name. Organisations register themselves on the toolkit
    (pending) and the officer approves or declines them."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    organisation = models.CharField(max_length=200, help_text="The partner organisation's name.")
    website = models.URLField(help_text="The partner's main web site.")
    allowed_domains = models.TextField(
        validators=[validate_domains],
        help_text="The partner's sites, one per line, e.g. 'www.example.org' or '*.example.org'. "
        "Embeds with its code are counted for the partner there; anywhere else they still show, "
        "counted as unregistered use of that site.",
    )
    contact_email = models.EmailField(
        help_text="Who to tell when an asset is retired or replaced (never shown publicly)."
    )
    code = models.SlugField(
        unique=True,
        max_length=40,
        help_text="Public partner code carried in embed codes and links, e.g. 'hartford-library'. "
        "It is not a secret.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Untick to stop counting embeds under this partner's code (they still show, "
        "counted as unregistered use).",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.APPROVED,
        help_text="Organisations that register on the toolkit wait for approval.",
    )
    report_key = models.CharField(
        max_length=32,
        default=new_report_key,
        editable=False,
        help_text="Part of the partner's private report link; replace it to revoke the link.",
    )
    registered_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PartnerQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("website"), FieldPanel("contact_email")],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldPanel("allowed_domains"),
                FieldPanel("status"),
                FieldPanel("active"),
            ],
            heading="Embedding",
        ),
        PartnerAccessPanel(heading=_("Registration and report link")),
        CountsPanel(heading="Counts"),
    ]
    search_fields = [
        index.SearchField("organisation"),
        index.AutocompleteField("organisation"),
        index.FilterField("active"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["organisation"]

    def __str__(self) -> str:
        return self.organisation

    @property
    def domains(self) -> list[str]:
        return split_domains(self.allowed_domains)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @classmethod
    def for_report_token(cls, token: str) -> "Partner | None":
        """The approved partner a report token was made for; None if forged or revoked."""
        try:
            data = signing.loads(token, salt=REPORT_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("p"), int):
            return None
        return cls.objects.filter(
            pk=data["p"], report_key=str(data.get("k")), status=cls.Status.APPROVED
        ).first()

    def report_path(self) -> str:
        """The path of the partner's private report."""
        token = signing.dumps({"p": self.pk, "k": self.report_key}, salt=REPORT_SALT)
        return reverse("toolkit_partner_report", args=[token])

    def revoke_report_link(self) -> None:
        """Give the partner a new report link; the old one stops working at once."""
        self.report_key = new_report_key()
        self.save(update_fields=["report_key"])
