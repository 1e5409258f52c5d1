"""Values every template may need without naming them in its own view."""

from django.conf import settings


def site_name(request) -> dict:
    """The campaign's name, kept in one place (settings.WAGTAIL_SITE_NAME)."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
