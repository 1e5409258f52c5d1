"""What every page type of the site shares: a social image and the promote tab that sets it."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Abstract base for the site's pages: OpenGraph/Twitter image and description."""

    social_image = models.ForeignKey(
        "core.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media (1200x630 works best).",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            heading="For search engines and sharing",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="For site menus"),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image

    def get_meta_description(self) -> str:
        return self.search_description
