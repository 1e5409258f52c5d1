"""Site-wide views that are not pages: search and the server-error page."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .search import recordable, search_pages, suggestion_for, words

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10


def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over live, public pages, stemmed per language, with the officer's
    synonyms and promoted results. A misspelt query gets "Did you mean …?" from the site's own
    words, and, when it found nothing, the results for that suggestion. Each query's first page
    counts as a hit for Wagtail's search terms report (the query alone: nothing about who)."""
    # Control characters (NUL among them) are dropped: PostgreSQL refuses them in text.
    query = "".join(c for c in request.GET.get("q", "") if c.isprintable()).strip()
    query = query[:MAX_QUERY_LENGTH]
    terms = words(query)[:MAX_TERMS]
    results, promotions, suggestion, corrected = [], SearchPromotion.objects.none(), "", ""
    if terms:
        results = search_pages(terms)
        promotions = promoted_for(" ".join(terms))
        suggestion = suggestion_for(terms)
        if request.GET.get("page", "1") == "1" and recordable(query):
            Query.get(" ".join(terms)).add_hit()
        if suggestion and not results:
            # Nothing for what was typed: show the suggestion's results, and say so.
            results, corrected, query = search_pages(suggestion.split()), query, suggestion
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
        {
            "search_query": query,
            "search_results": page,
            "search_promotions": promotions,
            "search_suggestion": suggestion,
            "search_corrected": corrected,
            "search_suggestion_url": f"{reverse('search')}?{urlencode({'q': suggestion})}",
        },
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
