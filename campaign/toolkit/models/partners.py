"""Partner organisations that show campaign assets on their own sites."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..panels import CountsPanel

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


class PartnerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Partner(index.Indexed, models.Model):
    """An organisation allowed to embed the campaign's assets, identified by a public code."""

    organisation = models.CharField(max_length=200, help_text="The partner organisation's name.")
    website = models.URLField(help_text="The partner's main web site.")
    allowed_domains = models.TextField(
        validators=[validate_domains],
        help_text="Sites allowed to show our embeds, one per line, e.g. 'www.example.org' or "
        "'*.example.org'. Any other site is refused.",
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
        default=True, help_text="Untick to stop this partner's embeds from showing anywhere."
    )

    objects = PartnerQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("website"), FieldPanel("contact_email")],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [FieldPanel("code"), FieldPanel("allowed_domains"), FieldPanel("active")],
            heading="Embedding",
        ),
        CountsPanel(heading="Counts"),
    ]
    search_fields = [
        index.SearchField("organisation"),
        index.AutocompleteField("organisation"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["organisation"]

    def __str__(self) -> str:
        return self.organisation

    @property
    def domains(self) -> list[str]:
        return split_domains(self.allowed_domains)
