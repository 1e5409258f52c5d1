"""Site-wide views that are not pages: search and the server-error page."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over live, public pages (PostgreSQL full-text search on PostgreSQL),
    with the officer's promoted results for the query first. Each query's first page counts as
    a hit for Wagtail's search terms report."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    promotions = SearchPromotion.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
        promotions = promoted_for(query)
        if request.GET.get("page", "1") == "1":
            Query.get(query).add_hit()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "pages/search.html",
        {"search_query": query, "search_results": page, "search_promotions": promotions},
    )


def promoted_for(query: str):
    """The promotions set under Search terms for this query: external links, and pages only
    while they are live and public."""
    public_pages = Page.objects.live().public()
    return (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=public_pages))
        .select_related("page")
        .order_by("sort_order")
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """A self-contained error page: it must render even when the database is down."""
    return HttpResponseServerError(
        render_to_string("500.html", {"site_name": settings.WAGTAIL_SITE_NAME})
    )
