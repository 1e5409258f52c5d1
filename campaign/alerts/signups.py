"""The newsroom's 'Get our releases' sign-up, with double opt-in.

request_signup() stores the request and e-mails a confirmation link (through the alerts
connection: the local outbox in development, the provider in production). Only confirm_signup(),
a POST from that link's page, makes the journalist a press contact, on the 'Subscribers' list,
waiting for the officer to accept them into media lists or decline. The same suppression rules
as for every contact apply: a contact who bounced, complained or is marked do-not-contact stays
so; one who had unsubscribed and now confirms a new sign-up is active again.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .esp import get_alert_connection
from .models import ContactState, MediaList, NewsroomSignup, PressContact, SignupReview
from .rendering import organisation

SUBSCRIBERS_LIST = "Subscribers"
CONFIRMATION_LIFETIME = datetime.timedelta(days=7)


def confirmation_url(signup: NewsroomSignup) -> str:
    path = reverse("alerts:signup_confirm", args=[signup.token])
    return settings.ALERTS_BASE_URL.rstrip("/") + path


def request_signup(*, name: str, email: str, outlet: str = "", beat: str = "") -> NewsroomSignup:
    """Store the request and send the confirmation e-mail."""
    signup = NewsroomSignup.objects.create(
        name=name, email=email.strip().lower(), outlet=outlet, beat=beat
    )
    context = {"signup": signup, "url": confirmation_url(signup), "org": organisation()}
    message = EmailMultiAlternatives(
        subject=_("Please confirm: press releases from %(org)s")
        % {"org": context["org"].organisation_name},
        body=render_to_string("alerts/email/signup_confirm.txt", context),
        from_email=settings.ALERTS_FROM_EMAIL,
        to=[signup.email],
        connection=get_alert_connection(),
    )
    message.send()
    return signup


def is_expired(signup: NewsroomSignup) -> bool:
    return signup.created_at + CONFIRMATION_LIFETIME < timezone.now()


def subscribers_list() -> MediaList:
    media_list, _created = MediaList.objects.get_or_create(
        name=SUBSCRIBERS_LIST,
        defaults={"description": "Journalists who signed up in the newsroom (double opt-in)."},
    )
    return media_list


@transaction.atomic
def confirm_signup(signup: NewsroomSignup) -> PressContact:
    """Make the confirmed journalist a contact on the Subscribers list (safe to repeat)."""
    signup = NewsroomSignup.objects.select_for_update().get(pk=signup.pk)
    if signup.is_confirmed:
        return signup.contact
    if is_expired(signup):
        raise ValidationError(_("This confirmation link has expired. Please sign up again."))
    contact, created = PressContact.objects.get_or_create(
        email=signup.email,
        defaults={"name": signup.name, "outlet": signup.outlet, "beat": signup.beat},
    )
    if not created and contact.state == ContactState.UNSUBSCRIBED:
        # They asked again and confirmed from their own inbox: that is consent anew.
        contact.state = ContactState.ACTIVE
        contact.save(update_fields=["state", "state_changed_at", "updated_at"])
    contact.lists.add(subscribers_list())
    signup.contact = contact
    signup.confirmed_at = timezone.now()
    signup.save(update_fields=["contact", "confirmed_at"])
    return contact


def _review(signup: NewsroomSignup, review: str, user) -> None:
    if signup.review != SignupReview.PENDING or not signup.is_confirmed:
        raise ValidationError(_("This sign-up is not waiting for review."))
    signup.review = review
    signup.reviewed_at = timezone.now()
    signup.reviewed_by = user
    signup.save(update_fields=["review", "reviewed_at", "reviewed_by"])


@transaction.atomic
def accept_signup(signup: NewsroomSignup, lists, user) -> None:
    """Put the subscriber on the chosen media lists as well."""
    _review(signup, SignupReview.ACCEPTED, user)
    signup.contact.lists.add(*lists)
    log(signup, "alerts.signup_accept", user=user, data={"lists": [m.name for m in lists]})


@transaction.atomic
def decline_signup(signup: NewsroomSignup, user) -> None:
    """Take the subscriber off the Subscribers list; they receive nothing through it."""
    _review(signup, SignupReview.DECLINED, user)
    signup.contact.lists.remove(subscribers_list())
    log(signup, "alerts.signup_decline", user=user)
