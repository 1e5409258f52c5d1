"""Phones first: the menu button and the actions in it, the call to action on the home page, the
hotline in every help block, and the "Browse safely" page beside the quick exit."""

import re

import pytest
from wagtail.models import Page, Site

from campaign.core.models import CampaignSettings
from home.models import ContentPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

ACTION_PATHS = ["/leaders-pledge/", "/request-training/", "/tell-your-legislator/"]


def nav_of(html: str) -> str:
    return html[html.index('<nav class="main-nav"') : html.index("</nav>")]


def test_menu_is_a_details_button_around_every_link(client):
    """The menu opens from a <summary> button, no script needed, and holds every menu link."""
    nav = nav_of(client.get("/policy/").content.decode())
    assert re.search(r'<details class="menu"[^>]*>\s*<summary class="menu__button">Menu<', nav)
    for path in ["/", "/policy/", "/about/", "/resources/", "/newsroom/", "/toolkit/", "/search/"]:
        assert f'href="{path}"' in nav


def test_action_forms_are_in_the_menu_under_take_action(client):
    """Every action form is linked in the menu under "Take action", on every page."""
    nav = nav_of(client.get("/about/").content.decode())
    actions = nav[nav.index("Take action") :]
    for path in ACTION_PATHS:
        assert f'href="{path}"' in actions


def test_unpublished_action_leaves_the_menu_at_once(client):
    """An action form taken offline is gone from the (cached) menu on the next view."""
    assert 'href="/request-training/"' in nav_of(client.get("/about/").content.decode())
    Page.objects.get(url_path__endswith="/request-training/").unpublish()
    assert 'href="/request-training/"' not in nav_of(client.get("/about/").content.decode())


def test_home_page_calls_to_action(client):
    """The home page has a "Take action" button near the top leading to the action forms."""
    html = client.get("/").content.decode()
    button = html.index('class="button button--large" href="#take-action"')
    section = html.index('id="take-action"')
    assert button < html.index("The facts") < section
    for path in ACTION_PATHS:
        assert f'href="{path}"' in html[section:]


def test_help_block_carries_the_hotline_from_the_settings(client):
    """The Resources page's "Get help or report a tip" block shows the settings' number."""
    settings = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline_phone = "1-800-555-0199"
    settings.save()
    html = client.get("/resources/").content.decode()
    block = html[html.index("Get help or report a tip") :]
    block = block[: block.index("</section>")]
    assert 'href="tel:+18005550199"' in block and "1-800-555-0199" in block


def test_every_goal_page_ends_with_the_hotline(client):
    """A goal page's "report what you see" is followed by the hotline's number."""
    html = client.get("/support-law-enforcement/").content.decode()
    assert html.index("Report what you see") < html.index('href="tel:+18883737888"')


def test_browse_safely_is_linked_beside_the_quick_exit(client):
    """After the quick exit, every page links the "Browse safely" page, which explains private
    windows and clearing history on phones and computers."""
    html = client.get("/policy/").content.decode()
    safety = html[html.index('<div class="safety">') :]
    assert safety.index('class="quick-exit"') < safety.index(
        '<a class="browse-safely" href="/browse-safely/">Browse safely</a>'
    )
    page = client.get("/browse-safely/").content.decode()
    for words in ["private window", "iPhone (Safari)", "Android (Chrome)", "Firefox", "Edge"]:
        assert words in page


def test_browse_safely_link_follows_the_settings(client):
    """Without a page chosen in the settings, no link; another page chosen, that page."""
    settings = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    settings.browse_safely_page = None
    settings.save()
    assert 'class="browse-safely"' not in client.get("/policy/").content.decode()
    settings.browse_safely_page = ContentPage.objects.get(slug="about")
    settings.save()
    assert '<a class="browse-safely" href="/about/">' in client.get("/policy/").content.decode()
