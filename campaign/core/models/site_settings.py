"""Site-wide values the communications officer edits in Settings, used by every template."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour as # and six hex digits."))


@register_setting(icon="site")
class CampaignSettings(BaseSiteSetting):
    """Organisation details, the hotline and the press contact shown across the site."""

    organisation_name = models.CharField(
        max_length=200,
        default="Connecticut Trafficking in Persons Council",
        help_text="Shown in the footer, e-mails and structured data.",
    )
    organisation_name_es = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("organisation name in Spanish"),
        help_text=_(
            "Shown in the footer of the Spanish pages; leave empty to show the name above."
        ),
    )
    postal_address = models.TextField(
        blank=True, help_text="The organisation's postal address, one line per row."
    )
    hotline_name = models.CharField(
        max_length=120,
        default="National Human Trafficking Hotline",
        help_text="The hotline's name as shown next to its number.",
    )
    hotline_phone = models.CharField(
        max_length=30, default="1-888-373-7888", help_text="The hotline number, as people dial it."
    )
    hotline_text = models.CharField(
        max_length=30, blank=True, help_text="The hotline's text-message number, if any."
    )
    hotline_hours = models.CharField(
        max_length=120, blank=True, help_text="E.g. 'Answered 24 hours a day, 7 days a week'."
    )
    # Settings are one row per site, not translatable records: the visitor-facing texts have a
    # Spanish field each, shown on the Spanish pages (the `shown_*` properties).
    hotline_name_es = models.CharField(
        max_length=120,
        blank=True,
        default="Línea Nacional contra la Trata de Personas",
        verbose_name=_("hotline name in Spanish"),
        help_text=_("E.g. 'Línea Nacional contra la Trata de Personas'."),
    )
    hotline_hours_es = models.CharField(
        max_length=160,
        blank=True,
        default="Atiende en español las 24 horas, todos los días",
        verbose_name=_("hotline hours in Spanish"),
        help_text=_("E.g. 'Atiende las 24 horas, todos los días, también en español'."),
    )
    press_contact_name = models.CharField(max_length=120, blank=True, help_text="Press contact.")
    press_contact_phone = models.CharField(max_length=30, blank=True)
    press_contact_email = models.EmailField(blank=True)
    facebook_url = models.URLField(blank=True)
    x_url = models.URLField(blank=True, verbose_name="X (Twitter) URL")
    instagram_url = models.URLField(blank=True)
    youtube_url = models.URLField(blank=True)
    email_logo = models.ForeignKey(
        "core.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The logo at the top of media alerts (a PNG or JPEG reads in every client)."),
    )
    brand_colour = models.CharField(
        max_length=7,
        default="#5b1a6e",
        validators=[HEX_COLOUR],
        help_text=_("The campaign's main colour, e.g. #5b1a6e: e-mail header and links."),
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#b3122b",
        validators=[HEX_COLOUR],
        help_text=_("The second colour, e.g. #b3122b: the embargo notice in e-mails."),
    )
    quick_exit_url = models.URLField(
        default="https://weather.com/",
        help_text="Where the quick-exit button takes a visitor: a harmless, everyday site.",
    )
    quick_exit_url_es = models.URLField(
        blank=True,
        default="https://weather.com/es-US/",
        verbose_name=_("quick exit address for Spanish pages"),
        help_text=_(
            "Where the quick-exit button takes a visitor on the Spanish pages, e.g. a harmless "
            "site in Spanish; leave empty to use the address above."
        ),
    )
    browse_safely_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A page on private windows and clearing history, linked beside the quick-exit "
            "button: quick exit cannot remove pages already in the browser's history."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_name_es"),
                FieldPanel("postal_address"),
            ],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline_name"),
                FieldPanel("hotline_phone"),
                FieldPanel("hotline_text"),
                FieldPanel("hotline_hours"),
                FieldPanel("hotline_name_es"),
                FieldPanel("hotline_hours_es"),
            ],
            heading="Hotline",
        ),
        MultiFieldPanel(
            [
                FieldPanel("press_contact_name"),
                FieldPanel("press_contact_phone"),
                FieldPanel("press_contact_email"),
            ],
            heading="Press contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Social links",
        ),
        MultiFieldPanel(
            [FieldPanel("email_logo"), FieldPanel("brand_colour"), FieldPanel("accent_colour")],
            heading=_("Branding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("quick_exit_url"),
                FieldPanel("quick_exit_url_es"),
                FieldPanel("browse_safely_page"),
            ],
            heading=_("Visitor safety"),
        ),
    ]

    class Meta:
        verbose_name = "campaign settings"

    @property
    def hotline_tel(self) -> str:
        """The phone number as a tel: URI target (digits and a leading +1)."""
        digits = "".join(ch for ch in self.hotline_phone if ch.isdigit())
        return f"+{digits}" if digits.startswith("1") else f"+1{digits}"

    @property
    def shown_hotline_name(self) -> str:
        return self._in_language("hotline_name")

    @property
    def shown_hotline_hours(self) -> str:
        return self._in_language("hotline_hours")

    @property
    def shown_organisation_name(self) -> str:
        return self._in_language("organisation_name")

    @property
    def shown_quick_exit_url(self) -> str:
        return self._in_language("quick_exit_url")

    def _in_language(self, name: str) -> str:
        """The Spanish text on Spanish pages when there is one, else the English."""
        spanish = getattr(self, f"{name}_es") if get_language() == "es" else ""
        return spanish or getattr(self, name)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
