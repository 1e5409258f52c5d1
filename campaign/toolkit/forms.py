"""Toolkit forms: the asset's admin form (designed artwork or the approval of each size's
automatic version) and the public "Register your organisation" form (a pending Partner).

The asset form's preview fingerprint travels in a hidden field, so an approval only ever covers the
version that was on the screen."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.widgets import AdminImageChooser

from campaign.core.models import CampaignImage

from .models import AssetSize, Partner
from .presets import PRESETS, Preset
from .sizes import asset_sizes, size_field_names

# Designed artwork may differ from its size's shape by this much; exactfill trims the rest.
ASPECT_TOLERANCE = 0.02


def size_fields(preset: Preset) -> dict[str, forms.Field]:
    artwork, approve, seen = size_field_names(preset)
    return {
        artwork: forms.ModelChoiceField(
            queryset=CampaignImage.objects.all(),
            required=False,
            widget=AdminImageChooser,
            label=_("Designed artwork"),
            help_text=_("%(width)s×%(height)s pixels or larger, in the same shape.")
            % {"width": preset.width, "height": preset.height},
        ),
        approve: forms.BooleanField(
            required=False, label=_("Offer this automatic version to partners")
        ),
        seen: forms.CharField(required=False, widget=forms.HiddenInput),
    }


class BaseCampaignAssetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for size in asset_sizes(self.instance):
                artwork, approve, seen = size_field_names(size.preset)
                self.initial[artwork] = size.artwork.pk if size.artwork else None
                self.initial[approve] = size.approved
                self.initial[seen] = size.version

    def clean(self):
        cleaned = super().clean()
        for preset in PRESETS.values():
            name = size_field_names(preset)[0]
            image = cleaned.get(name)
            if image is not None and (problem := artwork_problem(image, preset)):
                self.add_error(name, problem)
        return cleaned

    def _save_m2m(self):
        super()._save_m2m()
        for preset in PRESETS.values():
            artwork, approve, seen = size_field_names(preset)
            approved_version = self.cleaned_data[seen] if self.cleaned_data[approve] else ""
            AssetSize.objects.update_or_create(
                asset=self.instance,
                preset=preset.key,
                defaults={
                    "artwork": self.cleaned_data[artwork],
                    "approved_version": approved_version,
                },
                create_defaults={
                    "artwork": self.cleaned_data[artwork],
                    "approved_version": approved_version,
                    "locale_id": self.instance.locale_id,  # a size is in its asset's language
                },
            )


def artwork_problem(image: CampaignImage, preset: Preset) -> str:
    """Why this image cannot be the designed artwork of this size, or "" if it can."""
    if image.width < preset.width or image.height < preset.height:
        return _(
            "This image is %(width)s×%(height)s pixels: artwork for this size needs at least "
            "%(need_width)s×%(need_height)s."
        ) % {
            "width": image.width,
            "height": image.height,
            "need_width": preset.width,
            "need_height": preset.height,
        }
    shape, wanted = image.width / image.height, preset.width / preset.height
    if abs(shape / wanted - 1) > ASPECT_TOLERANCE:
        return _(
            "This image is %(width)s×%(height)s pixels, a different shape from %(size)s: "
            "partners would lose part of it. Upload artwork in this size's shape."
        ) % {"width": image.width, "height": image.height, "size": preset.dimensions}
    return ""


# The size fields are declared on the class, as Wagtail's panels may only name declared fields.
CampaignAssetForm = type(
    "CampaignAssetForm",
    (BaseCampaignAssetForm,),
    {"__module__": __name__}
    | {name: field for preset in PRESETS.values() for name, field in size_fields(preset).items()},
)

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
