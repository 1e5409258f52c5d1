"""The seeded site answers at the address it is served at, not Wagtail's default localhost."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_seeded_site_takes_the_address_it_is_served_at(seeded_site):
    """seed_campaign --site-url gives the default site that host and port for absolute links."""
    call_command("seed_campaign", site_url="http://127.0.0.1:8120", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8120)
    assert HomePage.objects.get(locale__language_code="en").full_url == "http://127.0.0.1:8120/"


def test_a_site_address_set_by_hand_is_kept(seeded_site):
    """Seeding again leaves a site address someone has changed alone."""
    Site.objects.filter(is_default_site=True).update(hostname="campaign.example", port=443)
    call_command("seed_campaign", site_url="http://127.0.0.1:8120", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("campaign.example", 443)
