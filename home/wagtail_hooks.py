from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .search import SearchSynonym, seed_search_synonyms
from .seed import seed_goals, seed_home

hooks.register("register_campaign_seed", fn=seed_home, order=0)
hooks.register("register_campaign_seed", fn=seed_goals, order=100)
hooks.register("register_campaign_seed", fn=seed_search_synonyms, order=110)


class SearchSynonymViewSet(SnippetViewSet):
    """Under Settings, beside Wagtail's promoted search results."""

    model = SearchSynonym
    icon = "search"
    add_to_settings_menu = True
    menu_label = _("Search synonyms")
    list_display = ["term", "alternatives"]
    search_fields = None


register_snippet(SearchSynonymViewSet)
