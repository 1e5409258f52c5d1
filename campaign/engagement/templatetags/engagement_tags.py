"""The Plausible script for public pages, only when a site id is configured."""

from django import template
from django.conf import settings

register = template.Library()

# Outbound link clicks, file downloads and the page's goals as a custom property (pageview-props),
# all without inline script, so the tag passes a strict Content-Security-Policy.
SCRIPT_NAME = "script.file-downloads.outbound-links.pageview-props.js"


def page_goal_slugs(page) -> list[str]:
    """The campaign goals a page belongs to: its get_campaign_goals(), its goal, or its goals."""
    if page is None:
        return []
    page = getattr(page, "specific", page)
    if hasattr(page, "get_campaign_goals"):
        goals = page.get_campaign_goals()
    elif getattr(page, "goal", None) is not None:
        goals = [page.goal]
    elif hasattr(page, "goals") and hasattr(page.goals, "all"):
        goals = page.goals.all()
    else:
        goals = []
    return sorted({goal.slug for goal in goals})


@register.inclusion_tag("components/analytics_script.html", takes_context=True)
def plausible_script(context):
    site_id = settings.PLAUSIBLE_SITE_ID
    if not site_id:
        return {"site_id": ""}
    return {
        "site_id": site_id,
        "script_url": f"{settings.PLAUSIBLE_BASE_URL.rstrip('/')}/js/{SCRIPT_NAME}",
        "goals": ",".join(page_goal_slugs(context.get("page"))),
    }
