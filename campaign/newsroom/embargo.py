"""Embargoed preview links as a service: what the admin view, alerts and tests call. Every
creation and revocation is written to Wagtail's audit log, on the release's history."""

import datetime

from django.utils import timezone
from wagtail.log_actions import log

from .models import EmbargoPreviewLink, PressReleasePage

DEFAULT_LIFETIME = datetime.timedelta(days=7)


def default_expiry(page: PressReleasePage) -> datetime.datetime:
    """The embargo time, when it is still ahead; otherwise a week from now."""
    if page.is_embargoed:
        return page.embargo_until
    return timezone.now() + DEFAULT_LIFETIME


def create_preview_link(
    page: PressReleasePage,
    *,
    created_by=None,
    expires_at: datetime.datetime | None = None,
    note: str = "",
) -> EmbargoPreviewLink:
    """A new preview link for the release's current draft; raises ValueError for a past expiry."""
    expires_at = expires_at or default_expiry(page)
    if expires_at <= timezone.now():
        raise ValueError("A preview link must expire in the future.")
    link = EmbargoPreviewLink.objects.create(
        page=page, created_by=created_by, expires_at=expires_at, note=note
    )
    log(
        page,
        "newsroom.preview_link.create",
        user=created_by,
        data={"link": link.pk, "note": note, "expires_at": expires_at.isoformat()},
    )
    return link


def create_recipient_links(
    page: PressReleasePage, notes: list[str], *, created_by=None, reason: str = ""
) -> list[EmbargoPreviewLink]:
    """One preview link per recipient (each note names who it is for), in one insert and one
    audit-log entry. They last a week past the embargo, so a postponed embargo does not cut
    anyone off; once the release is public every link leads to it anyway."""
    expires_at = max(page.embargo_until or timezone.now(), timezone.now()) + DEFAULT_LIFETIME
    links = EmbargoPreviewLink.objects.bulk_create(
        [
            EmbargoPreviewLink(page=page, created_by=created_by, expires_at=expires_at, note=note)
            for note in notes
        ],
        batch_size=500,
    )
    if links:
        log(
            page,
            "newsroom.preview_link.create_many",
            user=created_by,
            data={"count": len(links), "reason": reason, "expires_at": expires_at.isoformat()},
        )
    return links


def revoke_preview_link(link: EmbargoPreviewLink, *, user=None) -> bool:
    """Stop one link working; returns whether it was still working."""
    revoked = link.revoke()
    if revoked:
        log(
            link.page,
            "newsroom.preview_link.revoke",
            user=user,
            data={"link": link.pk, "note": link.note},
        )
    return revoked
