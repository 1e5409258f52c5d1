"""Rendered pages are kept in the cache until their content changes: a warm page view costs one
query, and no edit, preview, form or visitor ever sees what it should not."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.response import TemplateResponse
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from campaign.alerts.models import PressContact
from campaign.core import content_version
from campaign.core.models import CampaignSettings, Fact
from campaign.engagement.models import ActionFormPage
from campaign.newsroom.embargo import create_preview_link
from campaign.newsroom.models import PressReleasePage
from campaign.newsroom.seed_data import JAN_2017_SLUG
from campaign.toolkit.models import CampaignAsset, Partner
from home.models import ContentPage, HomePage, PolicyPage
from tests.engagement.test_sync import pledge_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0"


@pytest.fixture
def browser() -> Client:
    """A visitor whose embed views and form posts count (a browser's user agent)."""
    return Client(HTTP_USER_AGENT=BROWSER_UA)


@pytest.fixture
def seeded_release() -> PressReleasePage:
    return PressReleasePage.objects.get(slug=JAN_2017_SLUG)


@pytest.fixture
def asset() -> CampaignAsset:
    return CampaignAsset.objects.get(slug="no-buyers-no-trafficking")


@pytest.fixture
def other_asset() -> CampaignAsset:
    return CampaignAsset.objects.get(slug="look-at-who-is-buying")


@pytest.fixture
def partner() -> Partner:
    return Partner.objects.get(code="demo-family-services")


def html_of(client, path: str, **extra) -> str:
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_of_the_home_page_runs_no_query(client, django_assert_num_queries):
    """Served from the cache, the home page (the site's root, cached with the site) is whole."""
    first = html_of(client, "/")
    with django_assert_num_queries(0):
        second = html_of(client, "/")
    assert second == first and "The facts" in second


def test_a_second_view_of_a_release_only_loads_the_pages_on_its_path(
    client, seeded_release, django_assert_num_queries
):
    """The newsroom (found, then loaded) and the release itself: three queries, nothing else."""
    first = html_of(client, seeded_release.url)
    with django_assert_num_queries(3):
        second = html_of(client, seeded_release.url)
    assert second == first and "###" in second


def test_without_the_render_cache_every_view_reads_the_database(client, settings, home_page):
    """RENDER_CACHE_SECONDS=0: even a change that bypasses the ORM's signals shows at once."""
    settings.RENDER_CACHE_SECONDS = 0
    html_of(client, "/")
    HomePage.objects.filter(pk=home_page.pk).update(hero_heading="Changed behind the ORM")
    assert "Changed behind the ORM" in html_of(client, "/")


def test_a_published_edit_shows_on_the_next_view(client, home_page):
    """Publishing a new hero heading replaces the cached page at once."""
    html_of(client, "/")
    home_page.hero_heading = "Buyers drive the trade"
    home_page.save_revision().publish()
    assert "Buyers drive the trade" in html_of(client, "/")


def test_a_saved_draft_does_not_change_the_public_page(client, home_page):
    """A draft stays a draft: visitors keep seeing the published heading."""
    published = home_page.hero_heading
    html_of(client, "/")
    home_page.hero_heading = "Draft heading nobody may see"
    home_page.save_revision()
    html = html_of(client, "/")
    assert published in html and "Draft heading nobody may see" not in html


def test_an_edited_fact_shows_on_the_cached_home_page(client, home_page):
    """A snippet edit (a fact's figure) reaches every cached page that shows it."""
    fact = home_page.key_facts.first().fact
    html_of(client, "/")
    fact.figure = "12,345"
    fact.save()
    assert "12,345" in html_of(client, "/")


def test_a_new_hotline_number_shows_at_once(client):
    """Site settings (the footer's hotline) are content too."""
    html_of(client, "/about/")
    campaign_settings = CampaignSettings.for_site(Site.objects.get(is_default_site=True))
    campaign_settings.hotline_phone = "1-800-555-0199"
    campaign_settings.save()
    assert "1-800-555-0199" in html_of(client, "/about/")


def test_an_unpublished_release_leaves_the_home_page_at_once(client, seeded_release):
    """Taking a release down removes it from the cached latest news on the next view."""
    url = seeded_release.url
    assert f'href="{url}"' in html_of(client, "/")
    seeded_release.unpublish()
    assert f'href="{url}"' not in html_of(client, "/")
    assert client.get(url).status_code == 404


def test_a_preview_link_draft_never_reaches_the_public_page(client, seeded_release):
    """A journalist's preview shows the draft; the cached public page keeps the live text."""
    live = html_of(client, seeded_release.url)
    draft = seeded_release.get_latest_revision_as_object()
    draft.title = "Draft headline only for the press"
    draft.save_revision()
    preview = html_of(client, create_preview_link(seeded_release).get_absolute_url())
    assert "Draft headline only for the press" in preview
    public = html_of(client, seeded_release.url)
    assert public == live and "Draft headline only for the press" not in public
    assert "Draft headline only for the press" not in html_of(client, "/newsroom/")


def test_only_wagtails_page_view_puts_pages_in_the_cache(rf, client, seeded_release):
    """A draft rendered by any other view, even at the page's own address, is never cached."""
    draft = seeded_release.get_latest_revision_as_object()
    draft.title = "Draft rendered elsewhere"
    request = rf.get(seeded_release.url)
    request.user = AnonymousUser()
    TemplateResponse(request, draft.get_template(request), draft.get_context(request)).render()
    assert "Draft rendered elsewhere" not in html_of(client, seeded_release.url)


def test_the_admin_preview_shows_the_draft_not_the_cached_page(admin_client, client, home_page):
    """Editors previewing a draft see the draft even though the live page is cached."""
    html_of(client, "/")
    home_page.hero_heading = "Heading being previewed"
    home_page.save_revision()
    preview = admin_client.get(f"/admin/pages/{home_page.pk}/view_draft/").content.decode()
    assert "Heading being previewed" in preview
    assert "Heading being previewed" not in html_of(client, "/")


def test_every_visitor_gets_a_form_with_their_own_csrf_token():
    """Two visitors in turn can both sign the pledge: the form is never served from the cache."""
    pledge = ActionFormPage.objects.get(slug="leaders-pledge")
    for address in ("10.0.0.1", "10.0.0.2"):
        visitor = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER_UA)
        html = html_of(visitor, pledge.url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = {**pledge_data(), "csrfmiddlewaretoken": token}
        response = visitor.post(pledge.url, data, REMOTE_ADDR=address)
        assert "Thank you for taking the pledge" in response.content.decode()


def test_a_page_given_a_password_asks_for_it_at_once(client):
    """Restricting a cached page makes the next visitor meet the password form, not the page."""
    page = ContentPage.objects.get(slug="about")
    assert page.title in html_of(client, page.url)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    html = html_of(client, page.url)
    assert 'name="password"' in html
    assert page.intro not in html


def test_each_asset_page_shows_its_own_asset(browser, asset, other_asset):
    """Asset pages share one toolkit page, yet each view shows the asset it asked for."""
    for _ in range(2):
        first = html_of(browser, f"/toolkit/{asset.slug}/")
        second = html_of(browser, f"/toolkit/{other_asset.slug}/")
        assert f"<h1>{asset.title}</h1>" in first and f"<h1>{other_asset.title}</h1>" in second


def test_asset_embed_codes_follow_the_partner_asked_for(browser, asset, partner):
    """The partner code in the query picks the embed codes, cached or not."""
    html_of(browser, f"/toolkit/{asset.slug}/")
    html = html_of(browser, f"/toolkit/{asset.slug}/?partner={partner.code}")
    assert f"partner={partner.code}" in html
    assert f"partner={partner.code}" not in html_of(browser, f"/toolkit/{asset.slug}/")


def test_an_unknown_query_parameter_still_gets_the_page(client):
    """Campaign links carry tracking parameters; the page is served all the same."""
    assert "About the campaign" in html_of(client, "/about/?utm_source=radio")


def test_a_new_site_for_another_host_is_served_at_once(client):
    """Adding a site for a host routes that host to its own root on the next request."""
    assert "The facts" in html_of(client, "/", HTTP_HOST="127.0.0.1")
    policy = PolicyPage.objects.get(locale__language_code="en")
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=policy, site_name="Policy")
    assert f"<h1>{policy.title}</h1>" in html_of(client, "/", HTTP_HOST="127.0.0.1")
    assert "The facts" in html_of(client, "/")


def test_counts_submissions_and_press_contacts_keep_the_cache(browser, asset, partner):
    """Counted embed views, form submissions and a bounced press contact are not public content:
    none of them makes every page render again."""
    before = content_version.current()
    browser.get(f"/embed/{asset.slug}/?partner={partner.code}")
    browser.post(ActionFormPage.objects.get(slug="leaders-pledge").url, pledge_data())
    PressContact.objects.create(name="Pat Reporter", email="pat@news.example", state="bounced")
    assert content_version.current() == before


def test_the_version_changes_again_when_the_edit_commits(django_capture_on_commit_callbacks):
    """A page rendered from the old rows while an edit is uncommitted is never read after it."""
    fact = Fact.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        fact.save()
        during = content_version.current()
    assert content_version.current() != during


def test_new_code_gets_a_new_fingerprint(settings, tmp_path):
    """A deploy that changes a template never serves pages the old templates rendered."""
    (tmp_path / "campaign").mkdir()
    template = tmp_path / "campaign" / "page.html"
    template.write_text("<p>old</p>")
    (tmp_path / "requirements.txt").write_text("Django==5.2.19\n")
    settings.BASE_DIR = tmp_path
    before = content_version.code_fingerprint.__wrapped__()
    template.write_text("<p>new</p>")
    assert content_version.code_fingerprint.__wrapped__() != before
