"""An alert composed from a press release in one click (the one place alerts read newsroom)."""

from campaign.newsroom.embargo import create_preview_link
from campaign.newsroom.models import PressReleasePage

from .models import MediaAlert


def alert_from_release(release: PressReleasePage, *, user=None) -> MediaAlert:
    """A draft alert with the release's headline, summary and link. For an embargoed release:
    the embargo notice and a private preview link instead of the public address."""
    release = release.specific
    paragraphs = [release.subheadline, release.summary_text]
    alert = MediaAlert(
        subject=release.title,
        summary="\n\n".join(p for p in paragraphs if p),
        release=release,
        created_by=user,
    )
    if release.is_embargoed:
        alert.embargo_notice = release.status_line
        alert.preview_url = create_preview_link(release, created_by=user).full_url
    else:
        alert.link_url = release.get_full_url() or ""
    alert.save()
    return alert
