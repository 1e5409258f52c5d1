"""Action pages: forms tied to a campaign goal (a pledge, a training request, telling a
legislator). Submissions are stored by Wagtail, read and exported in the admin, and counted
towards the page's goal."""

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from campaign.core.models import BasePage, CampaignGoal

from ..spam import HONEYPOT_FIELD, SubmissionRateLimit


class ActionFormField(AbstractFormField):
    page = ParentalKey("ActionFormPage", on_delete=models.CASCADE, related_name="form_fields")


class HoneypotForm(forms.Form):
    """Mixed into the form Wagtail builds: an extra field people never see and bots fill in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(
                attrs={"class": "hp-field", "autocomplete": "off", "tabindex": "-1"}
            ),
        )

    @property
    def caught_by_honeypot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned = super().clean()
        # The trap is not part of the submission the officer reads.
        cleaned.pop(HONEYPOT_FIELD, None)
        return cleaned


class ActionFormPage(AbstractEmailForm, BasePage):
    """A form visitors fill in to act on a campaign goal; each submission counts for the goal."""

    template = "engagement/action_form_page.html"
    landing_page_template = "engagement/action_form_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # The form carries a CSRF token of its own for each visitor.
    cached_query_params = None

    goal = models.ForeignKey(
        CampaignGoal,
        on_delete=models.PROTECT,
        related_name="action_pages",
        help_text="The campaign goal a submission counts towards.",
    )
    intro = models.TextField(help_text="Why this action matters, in one or two sentences.")
    body = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        help_text="Anything to read before the form, e.g. a short script and where to find "
        "your legislators.",
    )
    submit_label = models.CharField(
        max_length=60, default="Send", help_text="The text on the form's button."
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="Shown after a successful submission.",
    )
    event_name = models.CharField(
        max_length=80,
        help_text="Name of the analytics event sent when the form is submitted, e.g. "
        "'Form: Leaders pledge'.",
    )

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("goal"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("submit_label"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-mail each submission (optional)",
        ),
        FieldPanel("event_name"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "action form page"

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_campaign_goals(self) -> list[CampaignGoal]:
        return [self.goal]

    def get_form_class(self):
        return type("ActionForm", (HoneypotForm, super().get_form_class()), {})

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        limit = SubmissionRateLimit(request)
        status = 200
        if limit.exceeded():
            form.add_error(
                None,
                "We have had several submissions from your connection in the last hour. "
                "Please try again later.",
            )
            status = 429
        elif form.is_valid():
            if form.caught_by_honeypot:
                # Look like success so that bots do not learn to avoid the trap.
                return self.render_landing_page(request, None, *args, **kwargs)
            limit.record()
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        else:
            status = 400
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)
