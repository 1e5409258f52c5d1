"""Embargoed preview links: signed, expiring, revocable URLs that journalists use to read a
release before its embargo lifts."""

import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone

SIGNING_SALT = "newsroom.embargo-preview"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class EmbargoPreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class EmbargoPreviewLink(models.Model):
    """One preview URL for one release, valid until it expires or an editor revokes it."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    page = models.ForeignKey(
        "newsroom.PressReleasePage", on_delete=models.CASCADE, related_name="preview_links"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(help_text="The link stops working at this time.")
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    note = models.CharField(
        max_length=200, blank=True, help_text="Who the link is for, e.g. 'AP Hartford desk'."
    )
    first_opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    open_count = models.PositiveIntegerField(default=0, editable=False)

    objects = EmbargoPreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "embargo preview link"

    def __str__(self) -> str:
        return f"Preview of {self.page.title} until {self.expires_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("newsroom:embargo_preview", args=[self.signed_token])

    @property
    def signed_token(self) -> str:
        # The signature lets a forged or mistyped link fail before any database look-up, and
        # rotating SECRET_KEY invalidates every link at once.
        return signing.Signer(salt=SIGNING_SALT).sign(self.token)

    @classmethod
    def from_signed_token(cls, value: str) -> "EmbargoPreviewLink | None":
        try:
            token = signing.Signer(salt=SIGNING_SALT).unsign(value)
        except signing.BadSignature:
            return None
        return cls.objects.select_related("page").filter(token=token).first()

    @property
    def full_url(self) -> str:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.get_absolute_url()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_valid(self) -> bool:
        return not self.is_revoked and not self.is_expired

    def record_open(self) -> None:
        """Count an opening in one UPDATE, so simultaneous openings are all counted."""
        now = timezone.now()
        links = EmbargoPreviewLink.objects.filter(pk=self.pk)
        links.update(open_count=models.F("open_count") + 1)
        links.filter(first_opened_at__isnull=True).update(first_opened_at=now)

    def revoke(self) -> bool:
        """Stop the link working; returns whether it was still unrevoked."""
        if self.revoked_at is not None:
            return False
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
        return True
