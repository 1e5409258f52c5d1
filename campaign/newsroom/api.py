"""The read-only Wagtail pages API (/api/v2/pages/). Wagtail lists only live, public pages; the
released() rule is applied on top so no surface can show a release before its embargo."""

from wagtail.api.v2.views import PagesAPIViewSet

from campaign.core.api_base import CheckedParametersMixin

from .models import PressReleasePage


class ReleasedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        embargoed = PressReleasePage.objects.embargoed().values("pk")
        return super().get_base_queryset().exclude(pk__in=embargoed)
