"""What every page type of the site shares: a social image and the promote tab that sets it, and
routing and view-restriction checks that cost fewer queries than Wagtail's general ones."""

from django.db import models
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Page, PageViewRestriction


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

    @property
    def localized(self):
        """The page in the request's language. The site's root page comes from the render cache
        (campaign.core.render_cache) with its translation for the language already found, so
        routing each request into the Spanish tree costs no query."""
        cached = self.__dict__.get("localized_for_language")
        if cached is None and self.locale_id == active_locale_id():
            cached = self
        return cached or super().localized

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

    # Query parameters that change what the page shows; a request with any other parameter is
    # rendered without the rendered-page cache (campaign.core.render_cache). None: never cached.
    cached_query_params: tuple[str, ...] | None = ()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's rule (the restrictions on this page and its ancestors, an alias counting as
        the page it copies) in one query instead of two."""
        # render_cache.serving() has already looked this up, in the cache, for a served page.
        if getattr(self, "view_restricted", None) is False:
            none = PageViewRestriction.objects.none()
            none._result_cache = []  # iterating even an empty queryset compiles SQL
            return none
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of", "id"))
        return PageViewRestriction.objects.filter(page_id__in=sources)

    def route(self, request, path_components):
        """Wagtail's routing, but a page whose children can only be of one type (the newsroom's
        releases) loads the child with its social image in one query instead of three."""
        child_models = self.clean_subpage_models()
        if path_components and len(child_models) == 1:
            child = (
                child_models[0]
                .objects.child_of(self)
                .select_related("social_image")
                .filter(slug=path_components[0])
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self
                return child.specific.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_social_image(self):
        return self.social_image

    def get_meta_description(self) -> str:
        return self.search_description


def active_locale_id() -> int | None:
    """The id of the active language's Locale, looked up once per process: routing asks on
    every request, and locales are created once and never renumbered."""
    code = translation.get_language()
    if code not in _locale_ids:
        locale = Locale.objects.filter(language_code=code).first()
        _locale_ids[code] = locale.pk if locale else None
    return _locale_ids[code]


_locale_ids: dict[str, int | None] = {}


@receiver([post_save, post_delete], sender=Locale)
def forget_locale_ids(**kwargs) -> None:
    _locale_ids.clear()
