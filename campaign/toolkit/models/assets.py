"""Campaign assets: an image with a message and a link, offered to partners in fixed sizes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..panels import CountsPanel, EmbedCodesPanel, SizesPanel

# How many retired-with-replacement hops an embed follows before giving up (guards cycles).
MAX_REPLACEMENT_HOPS = 5


class CampaignAssetQuerySet(models.QuerySet):
    def active(self):
        """Assets partners may show now: not retired, and with an image to show."""
        return self.filter(state=CampaignAsset.State.ACTIVE, image__isnull=False)

    def for_listing(self):
        # The picture tags read these renditions instead of looking them up image by image.
        return (
            self.select_related("goal", "image")
            .prefetch_related("image__renditions")
            .order_by("goal__number", "title")
        )

    def by_slug(self, slug: str, language_code: str = settings.LANGUAGE_CODE):
        """The asset with this slug, the one in `language_code` first: a slug is unique per
        language, and partners' embed codes name the default language's assets."""
        return self.filter(slug=slug).language_first(language_code)

    def language_first(self, language_code: str = settings.LANGUAGE_CODE):
        first = When(locale__language_code=language_code, then=Value(0))
        return self.order_by(Case(first, default=Value(1)), "pk")

    def with_sizes(self):
        """Prefetch what `campaign.toolkit.sizes` reads, for lists that show assets' sizes."""
        return self.select_related("image").prefetch_related(
            "image__renditions", "sizes__artwork__renditions"
        )


class CampaignAsset(TranslatableMixin, index.Indexed, ClusterableModel):
    """An image with a message that partners put on their sites, linked back to the campaign.
    Translatable: each language's asset has its own message, artwork and sizes (one row per
    language sharing a `translation_key`); its slug is unique per language."""

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        RETIRED = "retired", "Retired"

    title = models.CharField(max_length=120, help_text="A name for the asset, e.g. 'No buyers'.")
    slug = models.SlugField(
        max_length=80,
        help_text="Used in the asset's web address and in partners' embed codes: never change it "
        "once partners use the asset.",
    )
    message = models.TextField(
        help_text="The message the asset carries, in a sentence or two, shown beside it."
    )
    image = models.ForeignKey(
        "core.CampaignImage",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The source artwork. In the image editor, draw its safe area around the message and "
            "the hotline: sizes without designed artwork are made from it keeping the safe area "
            "whole."
        ),
    )
    background_colour = models.CharField(
        _("background colour"),
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as # and six hex digits."))
        ],
        help_text=_(
            "Fills the space around the artwork in automatic sizes that cannot be cropped, e.g. "
            "#3d0f4b. Leave empty to use the colour of the artwork's edge."
        ),
    )
    goal = models.ForeignKey(
        "core.CampaignGoal",
        on_delete=models.PROTECT,
        related_name="campaign_assets",
        help_text="The campaign goal the asset serves; the toolkit groups assets by goal.",
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where a click on the asset leads: a page of this site...",
    )
    link_url = models.URLField(blank=True, help_text="...or another web address.")
    state = models.CharField(
        max_length=10,
        choices=State.choices,
        default=State.ACTIVE,
        help_text="Retire an asset to withdraw it from every partner site at once.",
    )
    replacement = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text="Shown in existing embeds instead of this asset once it is retired. Leave empty "
        "to show a neutral campaign message with the hotline.",
    )

    objects = CampaignAssetQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("slug"), FieldPanel("message"), FieldPanel("goal")],
            heading="Asset",
        ),
        FieldPanel("image"),
        FieldPanel("background_colour"),
        SizesPanel(heading=_("Sizes as partners get them")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("link_page"), FieldPanel("link_url")])],
            heading="Link target",
        ),
        MultiFieldPanel([FieldPanel("state"), FieldPanel("replacement")], heading="Availability"),
        EmbedCodesPanel(heading="Embed codes"),
        CountsPanel(heading="Counts"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("message"),
        index.AutocompleteField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="toolkit_asset_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.title if self.is_active else f"{self.title} (retired)"

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    def clean(self):
        super().clean()
        if self.replacement_id and self.replacement_id == self.pk:
            raise ValidationError({"replacement": "An asset cannot replace itself."})
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "Choose a page or a web address, not both."})

    def displayed_asset(self) -> "CampaignAsset | None":
        """What embeds of this asset show now: itself, its active replacement, or nothing."""
        asset, hops = self, 0
        while asset is not None and hops <= MAX_REPLACEMENT_HOPS:
            if asset.is_active and asset.image_id:
                return asset
            asset, hops = asset.replacement, hops + 1
        return None

    def target_url(self, fallback: str) -> str:
        """Where a click leads: the chosen page or address, else the given fallback URL."""
        if self.link_url:
            return self.link_url
        if self.link_page and self.link_page.live:
            return self.link_page.get_full_url() or fallback
        return fallback
