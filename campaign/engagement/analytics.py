"""The Plausible script for public pages, only when the site's script id is configured."""

from django.conf import settings
from django.template.loader import render_to_string


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


def plausible_head_html(context) -> str:
    """Plausible's per-site script (`/js/pa-<id>.js`) and analytics.js, which calls
    `plausible.init` with the page's goals as a custom property, as Plausible's snippet does
    inline; both are files, so the page passes a strict Content-Security-Policy. Outbound links,
    file downloads and form submissions are switched on in the site's Plausible settings."""
    script_id = settings.PLAUSIBLE_SCRIPT_ID
    if not script_id:
        return ""
    return render_to_string(
        "components/analytics_script.html",
        {
            "script_url": f"{settings.PLAUSIBLE_BASE_URL.rstrip('/')}/js/pa-{script_id}.js",
            "goals": ",".join(page_goal_slugs(context.get("page"))),
        },
    )
