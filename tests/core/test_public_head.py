"""base.html takes what apps add to the <head> through core's hook, and names no app's template."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import format_html
from wagtail import hooks

from campaign.core.head import PUBLIC_HEAD_HOOK
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db


def test_html_registered_for_the_head_is_on_every_public_page(client):
    """A function registered with insert_public_head_html puts its HTML in the page's head."""
    HomePageFactory()
    tag = format_html('<meta name="{}" content="yes">', "test-head-hook")
    with hooks.register_temporarily(PUBLIC_HEAD_HOOK, lambda context: tag):
        html = client.get("/").content.decode()
    assert tag in html.split("</head>")[0]


def test_base_template_includes_no_template_of_an_app():
    """base.html includes only templates the project package itself provides."""
    templates = Path(settings.BASE_DIR) / "campaign" / "templates"
    base = (templates / "base.html").read_text()
    for included in re.findall(r'{% include "([^"]+)"', base):
        assert (templates / included).exists(), included
