"""Admin forms: the contact form enforces who may clear do-not-contact; the alert send form."""

import re

from django import forms
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput

from .models import ContactState, MediaList, NewsroomSignup, is_administrator


class PressContactForm(WagtailAdminModelForm):
    """Anyone with the change permission may edit a contact, but only an administrator can take
    a contact off do-not-contact (the model checks again when it is saved)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.acting_user = self.for_user
        if (
            self.instance.pk
            and self.instance.state == ContactState.DO_NOT_CONTACT
            and not is_administrator(self.for_user)
            and "state" in self.fields
        ):
            self.fields["state"].disabled = True
            self.fields["state"].help_text = "Only an administrator can clear 'Do not contact'."


class MediaAlertForm(WagtailAdminModelForm):
    """What was sent stays as it was sent: only drafts and scheduled alerts can be edited."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.instance.is_editable:
            raise forms.ValidationError(
                f"This alert is {self.instance.get_status_display().lower()} and can no longer "
                "be changed. Copy it to write a new one."
            )
        return cleaned


class SendAlertForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        required=False,
        widget=AdminDateTimeInput,
        help_text="Leave empty to send now. Eastern time.",
    )

    def clean_scheduled_at(self):
        when = self.cleaned_data["scheduled_at"]
        if when and when < timezone.now():
            raise forms.ValidationError("Choose a time in the future, or leave empty to send now.")
        return when


MAX_TEST_ADDRESSES = 10


class TestSendForm(forms.Form):
    """The addresses a test goes to, typed by the editor (their own by default)."""

    addresses = forms.CharField(
        label=_("Send a test to"),
        max_length=1000,
        help_text=_("One or more addresses, separated by commas or spaces."),
    )

    def clean_addresses(self) -> list[str]:
        addresses = [a for a in re.split(r"[\s,;]+", self.cleaned_data["addresses"]) if a]
        bad = []
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                bad.append(address)
        if bad:
            raise forms.ValidationError(
                _("Not an e-mail address: %(bad)s"), params={"bad": ", ".join(bad)}
            )
        if not addresses:
            raise forms.ValidationError(_("Type at least one address."))
        if len(addresses) > MAX_TEST_ADDRESSES:
            raise forms.ValidationError(
                _("At most %(max)d addresses per test."), params={"max": MAX_TEST_ADDRESSES}
            )
        return list(dict.fromkeys(address.lower() for address in addresses))


class ContactImportForm(forms.Form):
    file = forms.FileField(
        help_text="CSV with a header row: name, email, outlet, beat, region, phone, notes, "
        "lists (separated by ';'), state.",
    )


HONEYPOT_FIELD = "website"


class SignupForm(forms.ModelForm):
    """'Get our releases': who the journalist is, and a field people never see that bots fill."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(
            attrs={"class": "hp-field", "autocomplete": "off", "tabindex": "-1"}
        ),
    )

    class Meta:
        model = NewsroomSignup
        fields = ["name", "email", "outlet", "beat"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "outlet": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    @property
    def caught_by_honeypot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))


class SignupReviewForm(forms.Form):
    lists = forms.ModelMultipleChoiceField(
        queryset=MediaList.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Add to these media lists"),
    )
