"""Search finds what people type: stemming per language, "Did you mean …?" from the site's own
words, the officer's synonyms; embargoed releases never leak; hostile queries get a page; the
search terms report learns nothing about who searched."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Locale

from home.search import SearchSynonym, osa_distance, stem
from tests.factories import ContentPageFactory, HomePageFactory
from tests.newsroom.factories import PressReleasePageFactory, publish

pytestmark = pytest.mark.django_db

BUYERS = "What sex buyers pay for"
TRAFFICKING = "How human trafficking works"


@pytest.fixture
def site_pages():
    home = HomePageFactory()
    buyers = ContentPageFactory(
        parent=home, title=BUYERS, intro="Demand from buyers drives exploitation."
    )
    trafficking = ContentPageFactory(
        parent=home, title=TRAFFICKING, intro="Trafficking is forced labour or forced sex."
    )
    for page in (buyers, trafficking):
        page.save_revision().publish()
    return home


def search(client, query: str, **params) -> str:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html: str) -> list[str]:
    if '<ol class="search-results"' not in html:
        return []
    listing = html.split('<ol class="search-results"')[1].split("</ol>")[0]
    return re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", listing)


def suggestion(html: str) -> str:
    found = re.search(r'<p class="search-suggestion">.*?<a href="([^"]+)">([^<]+)</a>', html, re.S)
    return found.group(2) if found else ""


def test_the_singular_finds_the_plural(client, site_pages):
    """ "buyer" finds the page that says "buyers" (stemming; on SQLite the site's words)."""
    assert BUYERS in result_titles(search(client, "buyer"))


def test_a_misspelling_is_corrected_from_the_sites_words(client, site_pages):
    """ "buyres" finds nothing itself, so the page shows the results for "buyers", says so, and
    links to that search."""
    html = search(client, "buyres")
    assert suggestion(html) == "buyers"
    assert "Nothing matched “buyres”" in html
    assert BUYERS in result_titles(html)
    assert 'href="/search/?q=buyers"' in html
    assert BUYERS in result_titles(search(client, "buyers"))


def test_trafficing_finds_trafficking(client, site_pages):
    html = search(client, "trafficing")
    assert suggestion(html) == "trafficking"
    assert TRAFFICKING in result_titles(html)


def test_a_known_word_gets_no_suggestion(client, site_pages):
    assert suggestion(search(client, "trafficking")) == ""
    assert suggestion(search(client, "zzzqqqxxy")) == ""


def test_an_officers_synonym_widens_the_search(client, site_pages):
    """johns → buyers: the word people type finds the page that uses the campaign's word."""
    assert result_titles(search(client, "johns")) == []
    SearchSynonym.objects.create(term="johns", alternatives="buyers, sex buyers")
    assert BUYERS in result_titles(search(client, "johns"))
    assert BUYERS in result_titles(search(client, "Johns exploitation"))


def test_the_seed_brings_synonyms(seeded_site):
    assert SearchSynonym.objects.get(term="johns").alternative_list() == ["buyers", "sex buyers"]
    assert "trafficking" in SearchSynonym.objects.get(term="trata").alternative_list()


@pytest.mark.parametrize("query", ["buyer", "buyres", "trafficing", "johns", "trata"])
def test_what_visitors_type_finds_the_demo_site(client, seeded_site, query):
    assert result_titles(search(client, query)), query


@pytest.mark.needs_postgres
def test_spanish_pages_are_stemmed_in_spanish(client, site_pages):
    """A page in the Spanish locale is indexed and searched with PostgreSQL's `spanish`
    configuration: "compradores" finds "comprador", and "explotadas" finds "explotación",
    which English stemming would not."""
    spanish, _ = Locale.objects.get_or_create(language_code="es")  # made by a migration
    page = ContentPageFactory(
        parent=site_pages,
        locale=spanish,
        title="Lo que paga el comprador",
        intro="La demanda alimenta la explotación.",
    )
    page.save_revision().publish()
    for query in ("compradores", "comprador", "explotadas"):
        assert page.title in result_titles(search(client, query)), query
    # The English pages are still found by their English stems.
    assert BUYERS in result_titles(search(client, "buyer"))


@pytest.mark.needs_postgres
def test_spanish_synonyms_and_spelling(client, site_pages):
    spanish, _ = Locale.objects.get_or_create(language_code="es")  # made by a migration
    page = ContentPageFactory(
        parent=site_pages, locale=spanish, title="La trata de personas", intro="Qué es."
    )
    page.save_revision().publish()
    SearchSynonym.objects.create(term="trata", alternatives="trafficking, trata de personas")
    titles = result_titles(search(client, "trata"))
    assert page.title in titles and TRAFFICKING in titles
    assert suggestion(search(client, "personsa")) == "personas"


def test_embargoed_words_never_appear_in_results_or_suggestions(client, seeded_site):
    """An embargoed release is not live: its words are in no result and no suggestion."""
    release = PressReleasePageFactory(
        title="The Quarzenbeck announcement",
        live=False,
        embargo_until=timezone.now() + datetime.timedelta(hours=2),
    )
    publish(release)
    assert not release.live
    for query in ("Quarzenbeck", "quarzenbek", "quarzenbeckk"):
        html = search(client, query)
        assert "quarzenbeck" not in html.lower().replace(query.lower(), ""), query
        assert result_titles(html) == []


@pytest.mark.parametrize(
    "query",
    [
        "buy\x00ers",
        "x" * 10_000,
        "!!! ??? ...",
        "&|!:*()'\"\\",
        "' OR 1=1 --",
        "\x00",
        " ",
        "ñ" * 300,
    ],
)
def test_hostile_queries_get_a_page(client, site_pages, query):
    """Never a 500: the search page, or the security middleware's 400 for a NUL byte."""
    response = client.get(reverse("search"), {"q": query})
    if "\x00" in query:
        assert response.status_code == 400
    else:
        assert response.status_code == 200 and "<h1>" in response.content.decode()


def test_queries_are_recorded_without_the_visitor(client, site_pages):
    """The report keeps the words and a daily count, nothing else; a query that looks like an
    e-mail address or a phone number is not kept at all."""
    client.get(reverse("search"), {"q": "Buyers!"}, REMOTE_ADDR="203.0.113.9")
    assert Query.get("buyers").hits == 1
    recorded = {field.name for field in QueryDailyHits._meta.get_fields()}
    assert recorded == {"id", "query", "date", "hits"}
    for personal in ("me@example.org", "860 555 0123", "(203) 555-0199"):
        client.get(reverse("search"), {"q": personal})
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["buyers"]


def test_the_communications_group_edits_synonyms(client, communications_member):
    """A Communications member, not a superuser, adds a synonym in the admin."""
    assert not communications_member.is_superuser
    client.force_login(communications_member)
    add_url = reverse("wagtailsnippets_home_searchsynonym:add")
    response = client.post(add_url, {"term": "  Johns ", "alternatives": "buyers, sex buyers"})
    assert response.status_code == 302
    assert SearchSynonym.objects.get().term == "johns"
    assert client.get(reverse("wagtailsnippets_home_searchsynonym:list")).status_code == 200


def test_a_synonym_needs_a_term_and_an_alternative(client, communications_member):
    client.force_login(communications_member)
    add_url = reverse("wagtailsnippets_home_searchsynonym:add")
    response = client.post(add_url, {"term": "!!!", "alternatives": ", ,"})
    assert response.status_code == 200
    assert not SearchSynonym.objects.exists()


def test_edit_distance_and_stems():
    assert osa_distance("buyres", "buyers") == 1
    assert osa_distance("buyres", "buyer") == 2
    assert stem("buyers") == stem("buyer") == stem("buying")
    assert stem("compradores") == stem("comprador")
