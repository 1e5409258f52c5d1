"""What the search page does with what a visitor types: synonyms the officer keeps in the admin,
stemming in each page's language, and "Did you mean …?" drawn from the words of the published
pages (never from drafts or embargoed releases, which are not live)."""

import re
import unicodedata
from collections import Counter
from difflib import get_close_matches

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelsearch.query import And, Or, PlainText
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from campaign.core import content_version

from .search_backend import config_for

MAX_RESULTS_PER_LANGUAGE = 200
# Words of letters or digits in any script; punctuation and control characters (NUL) drop out.
WORD = re.compile(r"[^\W_]+")
# Crude suffixes (English and Spanish) for matching words by stem where the database cannot.
SUFFIXES = ("ings", "ing", "ers", "er", "es", "ed", "as", "os", "s", "a", "o")
# A query looking like an e-mail address or a phone number is not recorded for the report.
PERSONAL = re.compile(r"@|(?:\d\D{0,2}){7,}")


class SearchSynonym(models.Model):
    """A word visitors type that the site says differently: "johns" finds pages about buyers."""

    term = models.CharField(
        _("when visitors search for"),
        max_length=100,
        unique=True,
        help_text=_("A word or phrase, e.g. “johns” or “trata”."),
    )
    alternatives = models.CharField(
        _("also search for"),
        max_length=255,
        help_text=_("Words or phrases, separated by commas, e.g. “buyers, sex buyers”."),
    )

    panels = [FieldPanel("term"), FieldPanel("alternatives")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self) -> str:
        return f"{self.term} → {self.alternatives}"

    def clean(self):
        self.term = " ".join(words(self.term))
        if not self.term:
            raise ValidationError({"term": _("Enter a word or phrase.")})
        if not self.alternative_list():
            raise ValidationError({"alternatives": _("Enter at least one word or phrase.")})

    def alternative_list(self) -> list[str]:
        return [" ".join(words(part)) for part in self.alternatives.split(",") if words(part)]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def stem(word: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    for suffix in SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            return folded[: -len(suffix)]
    return folded


def vocabulary() -> Counter:
    """How often each word occurs in live, public pages, from the search index; cached until
    the content changes."""
    key = content_version.cache_key(None, "search-vocabulary")
    counts = cache.get(key)
    if counts is None:
        fields = (
            ("title_text", "body_text") if connection.vendor == "postgresql" else ("title", "body")
        )
        counts = Counter()
        rows = Page.objects.live().public().values_list(*(f"index_entries__{f}" for f in fields))
        for row in rows:
            counts.update(words(" ".join(text for text in row if text)))
        cache.set(key, counts, 3600)
    return counts


def osa_distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) from a to b: "buyres" is 1 from
    "buyers" but 2 from "buyer"."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(
                rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _candidates(word: str, known: Counter) -> list[str]:
    """Site words that look like `word`: pg_trgm's similarity on PostgreSQL, difflib elsewhere."""
    if connection.vendor != "postgresql":
        return get_close_matches(word, list(known), n=10, cutoff=0.7)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w FROM unnest(%s::text[]) AS w WHERE similarity(w, %s) > 0.2 "
            "ORDER BY similarity(w, %s) DESC LIMIT 10",
            [list(known), word, word],
        )
        return [row[0] for row in cursor.fetchall()]


def correct(word: str, known: Counter, stems: set[str]) -> str:
    """The site's word nearest to `word` (at most two edits), or `word` when it is known."""
    if word in known or stem(word) in stems or len(word) < 4 or word.isdigit():
        return word
    scored = [(osa_distance(word, c), -known[c], c) for c in _candidates(word, known)]
    scored = [s for s in scored if s[0] <= (1 if len(word) < 6 else 2)]
    return min(scored)[2] if scored else word


def suggestion_for(terms: list[str]) -> str:
    """The query with misspelt words replaced by the site's own, or "" when nothing changes."""
    known = vocabulary()
    stems = {stem(w) for w in known}
    corrected = [correct(term, known, stems) for term in terms]
    return " ".join(corrected) if corrected != terms else ""


def build_query(terms: list[str]):
    """An AND of the terms, each OR'ed with its synonyms and (where the database does not stem)
    with the site's words sharing its stem."""
    synonyms = {s.term: s.alternative_list() for s in SearchSynonym.objects.all()}
    phrase = " ".join(terms)
    if phrase in synonyms and len(terms) > 1:
        return Or([PlainText(phrase), *(PlainText(alt) for alt in synonyms[phrase])])
    stems_by_word = {}
    if connection.vendor != "postgresql":
        for word in vocabulary():
            stems_by_word.setdefault(stem(word), set()).add(word)
    parts = []
    for term in terms:
        alternatives = {term, *synonyms.get(term, []), *stems_by_word.get(stem(term), [])}
        options = [PlainText(alt) for alt in sorted(alternatives)]
        parts.append(options[0] if len(options) == 1 else Or(options))
    return parts[0] if len(parts) == 1 else And(parts)


def search_pages(terms: list[str]) -> list[Page]:
    """Live, public pages matching the terms: on PostgreSQL each language's pages searched with
    its own stemming, the visitor's language first."""
    query = build_query(terms)
    pages = Page.objects.live().public().specific()
    backend = get_search_backend()
    if not hasattr(backend, "with_config"):
        return list(backend.search(query, pages)[:MAX_RESULTS_PER_LANGUAGE])
    results = []
    spanish = list(
        Locale.objects.filter(language_code__startswith="es").values_list("pk", flat=True)
    )
    groups = [
        (config_for("es"), pages.filter(locale__in=spanish)),
        (config_for("en"), pages.exclude(locale__in=spanish)),
    ]
    if config_for(get_language()) != config_for("es"):
        groups.reverse()
    for config, group in groups:
        results += backend.with_config(config).search(query, group)[:MAX_RESULTS_PER_LANGUAGE]
    return results


def recordable(query: str) -> bool:
    """Whether a query may go into the search terms report: not an e-mail address or phone
    number someone typed, which could say who they are."""
    return not PERSONAL.search(query)


# What the demo seed starts the officer with: words people type for what the site calls otherwise.
SEED_SYNONYMS = {
    "johns": "buyers, sex buyers",
    "john": "buyer, sex buyer",
    "hobby": "buying sex, buyers",
    "hobbyist": "buyer, buying sex",
    "trata": "trafficking, trata de personas",
    "clientes": "compradores, buyers",
    "compradores": "buyers",
}


def seed_search_synonyms(data, stdout) -> None:
    for term, alternatives in SEED_SYNONYMS.items():
        SearchSynonym.objects.get_or_create(term=term, defaults={"alternatives": alternatives})
    stdout.write("Seeded the search synonyms.")
