"""Site-wide views that are not pages: search and the server-error page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from wagtail.models import Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over live, public pages (PostgreSQL full-text search on PostgreSQL)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request, "pages/search.html", {"search_query": query, "search_results": page}
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """A self-contained error page: it must render even when the database is down."""
    return HttpResponseServerError(render_to_string("500.html"))
