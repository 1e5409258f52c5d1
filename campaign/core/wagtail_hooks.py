"""Admin for the campaign's reusable records (goals, facts and policy recommendations), and the
hook that tells the rendered-page cache which page Wagtail is serving."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import render_cache, seed_es
from .models import CampaignGoal, Fact, PolicyRecommendation


class CampaignGoalViewSet(SnippetViewSet):
    model = CampaignGoal
    icon = "flag"
    list_display = ["number", "title", "slug", "audience"]
    ordering = ["number"]


class FactViewSet(SnippetViewSet):
    model = Fact
    icon = "info-circle"
    list_display = ["figure", "claim", "source_title", "as_of"]
    list_filter = ["goals"]
    search_fields = ["figure", "claim", "source_title"]


class PolicyRecommendationViewSet(SnippetViewSet):
    model = PolicyRecommendation
    icon = "clipboard-list"
    list_display = ["title", "statute", "status", "year"]
    list_filter = ["status", "kind", "year"]
    search_fields = ["title", "statute", "summary"]


class CampaignViewSetGroup(SnippetViewSetGroup):
    menu_label = "Campaign"
    menu_icon = "flag"
    menu_order = 200
    items = (CampaignGoalViewSet, FactViewSet, PolicyRecommendationViewSet)


register_snippet(CampaignViewSetGroup)


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    render_cache.serving(page, request)


def seed_spanish(data, stdout) -> None:
    seed_es.seed_spanish_site(data.site)


# After every app's English pages (orders 0-110), which the Spanish site translates.
hooks.register("register_campaign_seed", fn=seed_spanish, order=200)
