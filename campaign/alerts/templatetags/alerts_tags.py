"""The newsroom's 'Get our releases' form, for the newsroom and release templates."""

from django import template

from ..forms import SignupForm

register = template.Library()


@register.inclusion_tag("alerts/components/signup_form.html")
def newsroom_signup_form(form: SignupForm | None = None) -> dict:
    """The form carries no per-visitor token, so the page around it can be cached for all."""
    return {"form": form or SignupForm(auto_id="signup-%s")}
