"""Embargoed preview links as a service: what the admin view, alerts and tests call."""

import datetime

from django.utils import timezone

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
    return EmbargoPreviewLink.objects.create(
        page=page, created_by=created_by, expires_at=expires_at, note=note
    )
