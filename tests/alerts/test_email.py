"""The alert as a journalist receives it: a designed MJML e-mail with a plain-text part that
carries the same content, for an embargoed and for a public release."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image

from campaign.alerts.compose import alert_from_release
from campaign.alerts.rendering import organisation, render_alert
from campaign.core.models import CampaignImage
from campaign.newsroom.dates import format_release_time

from .factories import release_for_alert

# The release factories file releases under the demo seed's newsroom.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_site")]

UNSUBSCRIBE = "https://testserver/alerts/unsubscribe/token-for-test/"
PREVIEW = "https://testserver/press-preview/token-for-test/"


@pytest.fixture
def embargoed_alert(admin_user):
    return alert_from_release(release_for_alert(embargoed=True), user=admin_user)


@pytest.fixture
def public_alert(admin_user):
    return alert_from_release(release_for_alert(embargoed=False), user=admin_user)


def render(alert):
    return render_alert(alert, unsubscribe_url=UNSUBSCRIBE, preview_url=PREVIEW)


def test_embargoed_subject_begins_with_the_embargo_time(embargoed_alert):
    """Under embargo the subject reads 'EMBARGOED until <date, time, zone>: <headline>'."""
    when = format_release_time(embargoed_alert.release.embargo_until)
    assert render(embargoed_alert).subject == f"EMBARGOED until {when}: Council counts the buyers"
    assert when.endswith(("EST", "EDT"))


def test_public_subject_is_the_headline(public_alert):
    """Once public the subject is the headline alone."""
    assert render(public_alert).subject == "Council counts the buyers"


def test_embargo_notice_stands_at_the_top_of_both_parts(embargoed_alert):
    """The notice comes before the headline in the HTML and opens the plain text."""
    rendered = render(embargoed_alert)
    assert rendered.text.startswith("EMBARGOED UNTIL ")
    notice = rendered.html.index("EMBARGOED UNTIL ")
    assert notice < rendered.html.index("<h1")


def test_public_release_has_no_embargo_notice_and_links_to_the_release(public_alert):
    """A public release's e-mail links to the release and carries no preview link."""
    rendered = render(public_alert)
    assert "EMBARGOED" not in rendered.html + rendered.text
    assert PREVIEW not in rendered.html + rendered.text
    url = public_alert.release.get_full_url()
    assert f'href="{url}"' in rendered.html and f"Read the release: {url}" in rendered.text


def test_embargoed_release_carries_the_preview_link_never_the_public_address(embargoed_alert):
    """Under embargo the e-mail links to the recipient's preview, not to the public page."""
    rendered = render(embargoed_alert)
    assert f'href="{PREVIEW}"' in rendered.html and PREVIEW in rendered.text
    public_url = embargoed_alert.release.get_full_url()
    assert public_url not in rendered.html + rendered.text


def test_contact_is_the_media_contact_named_on_the_release(embargoed_alert):
    """Both parts name the release's own media contact, not the generic press contact."""
    org = organisation()
    org.press_contact_name = "Public Information Officer"
    org.save()
    rendered = render(embargoed_alert)
    for part in (rendered.html, rendered.text):
        assert "Dana Spokesperson" in part and "Press Secretary" in part
        assert "860-555-0142" in part and "dana@example.org" in part
        assert "Public Information Officer" not in part


def test_unsubscribe_link_is_in_both_parts(public_alert):
    """The recipient's unsubscribe link is a link in the HTML and written out in the text."""
    rendered = render(public_alert)
    assert f'<a href="{UNSUBSCRIBE}">Unsubscribe</a>' in rendered.html
    assert f"Unsubscribe: {UNSUBSCRIBE}" in rendered.text


def test_dateline_attachments_boilerplate_and_address_in_both_parts(public_alert):
    """Dateline, attachment links, the boilerplate and the postal address reach both parts."""
    org = organisation()
    org.postal_address = "450 Capitol Avenue\nHartford, CT 06106"
    org.save()
    rendered = render(public_alert)
    document_url = public_alert.release.attachments.get().document.url
    for part in (rendered.html, rendered.text):
        assert "HARTFORD" in part and "The test report" in part
        assert f"https://testserver{document_url}" in part
        assert "The test Council works on demand." in part
        assert "Hartford, CT 06106" in part


def test_lead_paragraphs_by_default(public_alert):
    """By default the e-mail carries the alert's lead, not the whole release."""
    rendered = render(public_alert)
    assert "Second paragraph, only in the whole release." not in rendered.html + rendered.text


def test_whole_release_when_the_officer_chooses_it(public_alert):
    """With 'the whole release' chosen, every paragraph is in both parts."""
    public_alert.content = public_alert.Content.FULL
    rendered = render(public_alert)
    for part in (rendered.html, rendered.text):
        assert "First paragraph of the whole release." in part
        assert "Second paragraph, only in the whole release." in part


def test_html_is_responsive_mjml_output(public_alert):
    """The HTML part is MRML's compiled MJML: a 600 px layout that stacks on small screens."""
    html = render(public_alert).html
    assert html.startswith("<!doctype html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "max-width:600px" in html and "@media only screen and (min-width:480px)" in html


def test_branding_comes_from_the_site_settings(public_alert):
    """The header uses the campaign's colour and logo set in Settings."""
    buffer = BytesIO()
    Image.new("RGB", (40, 20), "#5b1a6e").save(buffer, "PNG")
    org = organisation()
    org.email_logo = CampaignImage.objects.create(
        title="Logo", file=ImageFile(buffer, name="logo.png")
    )
    org.brand_colour = "#123456"
    org.save()
    html = render(public_alert).html
    rendition = org.email_logo.get_rendition("max-360x120")
    assert f'src="https://testserver{rendition.url}"' in html
    assert "#123456" in html
