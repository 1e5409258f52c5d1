"""Journalists the campaign writes to, and the lists that group them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

ADMINISTRATORS_GROUP = "Administrators"


def is_administrator(user) -> bool:
    """Superusers and members of the Administrators group may lift a do-not-contact flag."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS_GROUP).exists()


class ContactState(models.TextChoices):
    ACTIVE = "active", "Active"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
    BOUNCED = "bounced", "Bounced"
    COMPLAINED = "complained", "Complained (marked as spam)"
    DO_NOT_CONTACT = "do_not_contact", "Do not contact"


class MediaList(models.Model):
    """A named group of press contacts, e.g. Hartford TV or policy reporters."""

    # Never on a public page: saving one keeps rendered pages (campaign.core.content_version).
    shown_on_public_pages = False

    name = models.CharField(max_length=120, unique=True, help_text="E.g. 'Hartford TV'.")
    description = models.TextField(blank=True, help_text="Who is on this list and why.")

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def active_contact_count(self) -> int:
        return self.contacts.sendable().count()

    active_contact_count.short_description = "Active contacts"


class PressContactQuerySet(models.QuerySet):
    def sendable(self):
        """Contacts who may receive an alert: everyone not unsubscribed, bounced, complained
        or marked do-not-contact."""
        return self.filter(state=ContactState.ACTIVE)

    def in_lists(self, lists):
        return self.filter(lists__in=lists).distinct()


class PressContact(index.Indexed, models.Model):
    """A journalist or editor. The e-mail address is the contact's identity (stored in lower
    case, so re-imports match whatever the capitalisation)."""

    # Never on a public page: saving one keeps rendered pages (campaign.core.content_version).
    shown_on_public_pages = False

    name = models.CharField(max_length=160, help_text="Full name.")
    email = models.EmailField(unique=True, help_text="Where alerts are sent. Must be unique.")
    outlet = models.CharField(max_length=160, blank=True, help_text="Newspaper, station, site.")
    beat = models.CharField(max_length=120, blank=True, help_text="E.g. courts, state politics.")
    region = models.CharField(max_length=120, blank=True, help_text="E.g. Hartford, statewide.")
    phone = models.CharField(max_length=40, blank=True, help_text="Direct line, if shared.")
    notes = models.TextField(blank=True, help_text="Anything colleagues should know.")
    lists = models.ManyToManyField(
        MediaList, blank=True, related_name="contacts", help_text="Media lists this contact is on."
    )
    state = models.CharField(
        max_length=20,
        choices=ContactState.choices,
        default=ContactState.ACTIVE,
        help_text="Only active contacts receive alerts. Only an administrator can clear "
        "'Do not contact'.",
    )
    state_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PressContactQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("email"), FieldPanel("phone")], heading="Contact"
        ),
        MultiFieldPanel(
            [FieldPanel("outlet"), FieldPanel("beat"), FieldPanel("region")], heading="Coverage"
        ),
        FieldPanel("lists"),
        FieldPanel("state"),
        FieldPanel("notes"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("email"),
        index.SearchField("outlet"),
        index.AutocompleteField("name"),
        index.FilterField("state"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_presscontact_email_ci_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        if self.clears_do_not_contact and not is_administrator(self.acting_user):
            raise PermissionDenied("Only an administrator can clear 'Do not contact'.")
        self.email = self.email.strip().lower()
        if self.state != getattr(self, "_loaded_state", None):
            self.state_changed_at = timezone.now()
        super().save(*args, **kwargs)
        self._loaded_state = self.state

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_state = instance.__dict__.get("state")
        return instance

    # The admin form sets this to the signed-in user; nobody else may lift do-not-contact.
    acting_user = None

    @property
    def clears_do_not_contact(self) -> bool:
        loaded = getattr(self, "_loaded_state", None)
        return loaded == ContactState.DO_NOT_CONTACT and self.state != ContactState.DO_NOT_CONTACT

    def clean(self):
        super().clean()
        self.email = self.email.strip().lower()
        if self.clears_do_not_contact and not is_administrator(self.acting_user):
            raise ValidationError({"state": "Only an administrator can clear 'Do not contact'."})

    @property
    def is_sendable(self) -> bool:
        return self.state == ContactState.ACTIVE

    def suppress(self, state: str) -> bool:
        """Move an active contact to a suppressed state (unsubscribe, bounce, complaint).
        Returns whether anything changed; a do-not-contact flag is never overwritten."""
        changed = PressContact.objects.filter(pk=self.pk, state=ContactState.ACTIVE).update(
            state=state, state_changed_at=timezone.now()
        )
        if changed:
            self.state = self._loaded_state = state
        return bool(changed)
