"""What every endpoint of the syndication API (/api/v2/) shares: JSON only outside development,
and query parameters checked before Wagtail reads them, so a bad value is a 400 with a message.

Wagtail's API views pass `search_operator` and the find view's `id` straight to the search
backend and the ORM, which raise ValueError (a 500); an offset beyond the database's integers
fails inside the database; a field filter with a value its field cannot hold (a date that is not
a date) raises ValidationError while the filter is built. Wagtail turns a BadRequestError into
`400 {"message": ...}`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from wagtail.api.v2.utils import BadRequestError

SEARCH_OPERATORS = ("and", "or")
# Far beyond any listing, and within every database's integers.
LARGEST_NUMBER = 2**31 - 1
NUMBER_PARAMETERS = ("id", "offset", "limit", "child_of", "ancestor_of", "descendant_of")


def check_number(name: str, value: str) -> None:
    if not value.isascii() or not value.isdigit() or int(value) > LARGEST_NUMBER:
        raise BadRequestError(f"{name} must be a whole number from 0 to {LARGEST_NUMBER}")


class CheckedParametersMixin:
    """Mixed into each endpoint (before Wagtail's view set) of the API router."""

    @property
    def renderer_classes(self):
        # The browsable API is a development aid; in production it would set a CSRF cookie on
        # a public GET and serve HTML from a JSON endpoint.
        return [JSONRenderer, BrowsableAPIRenderer] if settings.DEBUG else [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        for name in NUMBER_PARAMETERS:
            if name in request.GET:
                check_number(name, request.GET[name])

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:
            raise BadRequestError(" ".join(error.messages)) from error
