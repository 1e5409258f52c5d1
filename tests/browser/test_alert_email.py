"""The media alert's HTML part in a real browser at a desktop mail pane's 600 px and a small
phone's 320 px: screenshots kept as artifacts, and nothing wider than the screen at 320 px."""

import pytest

from campaign.alerts.compose import alert_from_release
from campaign.alerts.rendering import render_alert
from tests.alerts.factories import release_for_alert

from .conftest import artifacts_dir, needs_chromium

# Transactional like the other browser tests: what the test made is flushed and the seed restored.
pytestmark = [
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("seeded_site"),
]

WIDTHS = [600, 320]


@pytest.fixture
def alert_email(admin_user, width) -> tuple[str, str]:
    """The whole embargoed release as an alert, the longest e-mail the officer can send."""
    release = release_for_alert(embargoed=True, title=f"Council counts the buyers ({width} px)")
    alert = alert_from_release(release, user=admin_user)
    alert.content = alert.Content.FULL
    html = render_alert(
        alert,
        unsubscribe_url="https://testserver/alerts/unsubscribe/sample/",
        preview_url="https://testserver/press-preview/a-long-signed-token-for-one-journalist/",
    ).html
    (artifacts_dir() / f"alert-email-{width}px.html").write_text(html)
    return html, alert.release.status_line


@pytest.mark.parametrize("width", WIDTHS)
def test_alert_email_fits_the_screen(new_context, shot, alert_email, width):
    """At 600 and 320 px the e-mail shows its notice, headline and button with no sideways
    scrolling."""
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    html, embargo_notice = alert_email
    page.set_content(html)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{scroll_width}px wide in a {width}px window"
    assert page.get_by_text(embargo_notice, exact=True).is_visible()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == f"Council counts the buyers ({width} px)"
    )
    button = page.get_by_role("link", name="Read the embargoed release")
    box = button.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert shot(page, f"alert-email-{width}px").stat().st_size > 0
