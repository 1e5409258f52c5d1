"""The public "Register your organisation" form: it creates a pending Partner."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import Partner

# A field people never see and robots fill in ("website" is a real field of this form).
HONEYPOT_FIELD = "fax_number"


def unique_code(organisation: str) -> str:
    """A partner code from the organisation's name, numbered if already taken."""
    base = slugify(organisation)[:34] or "partner"
    code, n = base, 1
    while Partner.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


class PartnerRegistrationForm(forms.ModelForm):
    """Organisation, web site, contact e-mail and the domains it will embed on."""

    # People type "riverside.org": read it as https, the scheme Django 6 will assume.
    website = forms.URLField(
        label=_("Web site"),
        assume_scheme="https",
        help_text=_("Your main web site, e.g. https://www.example.org"),
    )

    class Meta:
        model = Partner
        fields = ["organisation", "website", "contact_email", "allowed_domains"]
        labels = {
            "organisation": _("Organisation"),
            "contact_email": _("Contact e-mail"),
            "allowed_domains": _("Domains you will embed on"),
        }
        help_texts = {
            "organisation": _("Your organisation's name, as partners and the public know it."),
            "contact_email": _(
                "We send your partner code and report link here, and tell you when an asset "
                "you use is retired. Never shown publicly."
            ),
            "allowed_domains": _(
                "One per line, e.g. www.example.org or *.example.org. Embeds with your code "
                "are counted for you on these sites."
            ),
        }
        widgets = {"allowed_domains": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(
                attrs={"class": "hp-field", "autocomplete": "off", "tabindex": "-1"}
            ),
        )

    @property
    def caught_by_honeypot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def save(self, commit: bool = True) -> Partner:
        partner = super().save(commit=False)
        partner.status = Partner.Status.PENDING
        partner.code = unique_code(partner.organisation)
        if commit:
            partner.save()
        return partner
