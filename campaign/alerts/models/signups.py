"""Journalists who asked for our releases with the newsroom's 'Get our releases' form."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .contacts import PressContact


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SignupReview(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class NewsroomSignupQuerySet(models.QuerySet):
    def awaiting_review(self):
        """Confirmed by e-mail, not yet accepted or declined by the officer."""
        return self.filter(confirmed_at__isnull=False, review=SignupReview.PENDING)


class NewsroomSignup(models.Model):
    """One request from the form. It becomes a press contact on the 'Subscribers' list only when
    the journalist confirms it from the e-mail (double opt-in); the officer then accepts them
    into media lists or declines."""

    # Never on a public page: saving one keeps rendered pages (campaign.core.content_version).
    shown_on_public_pages = False

    Review = SignupReview

    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail"))
    outlet = models.CharField(_("outlet"), max_length=160, blank=True)
    beat = models.CharField(_("beat"), max_length=120, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    contact = models.ForeignKey(
        PressContact,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signups",
        editable=False,
    )
    review = models.CharField(
        max_length=10, choices=SignupReview.choices, default=SignupReview.PENDING, editable=False
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = NewsroomSignupQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsroom sign-up")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
