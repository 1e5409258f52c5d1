"""Property-based fuzzing (Hypothesis): hostile input anywhere the public can reach never gets a
5xx (issue 18).

Targets, all taken from the seeded site: every live public page (with its routes: feeds, plain
text), the toolkit's embed, data, image, click-through, download, file and copied URLs, search,
the sitemap, documents, the sign-up and partner forms, the e-mailed links with a token that is
not one, oEmbed, the syndication API's endpoints and the configured provider's tracking webhook
(Postmark, authenticated). Values: NUL and other control characters, malformed URLs, huge,
negative and non-numeric numbers, long and non-ASCII text, unknown parameters, deep nesting,
wrong JSON types and unknown fields, and wrong HTTP methods. Settings: the production middleware
stack and URLconf with DEBUG off and a provider configured; views run in-process against this
run's database, and an exception in a view fails the test with its trace. CI runs it on SQLite;
on PostgreSQL test_fuzz_production.py sends the same requests (the `fuzz_*` functions) to
gunicorn on production settings instead, and the long run does both.

FUZZ_SCALE multiplies the number of examples (1 in CI, where the examples are fixed); a longer,
random run of both: `.venv/bin/python bench/fuzz.py --scale 20`.
"""

import contextlib
import json
import os

import pytest
from django.db import connections
from django.test import Client
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.models import Page

from campaign.toolkit.models import CampaignAsset
from tests.alerts.webhook_events import AUTH, POSTMARK_EVENTS

pytestmark = pytest.mark.django_db

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))


def fuzz(examples: int):
    """Hypothesis settings for one target: a fixed budget, no deadline (shared CI machines)."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=SCALE == 1,
    )


HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\x1b[2J",
            "\x7f",
            "-1",
            "0",
            "1e309",
            "NaN",
            "99999999999999999999999999",
            "-99999999999999999999999999",
            "http://[::1",
            "http://[::1]:99999/",
            "//evil.example/",
            "javascript:alert(1)",
            "../../etc/passwd",
            "%00",
            "%ZZ",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "x" * 5000,
            "📣" * 50,
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
)
KNOWN_PARAMETERS = [
    "q",
    "page",
    "goal",
    "partner",
    "size",
    "format",
    "url",
    "maxwidth",
    "maxheight",
    "search",
    "search_operator",
    "offset",
    "limit",
    "order",
    "type",
    "fields",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "id",
    "html_path",
    "locale",
    "slug",
    # the API's field filters
    "title",
    "first_published_at",
    "last_published_at",
    "show_in_menus",
    "number",
    "email",
    "token",
    "next",
]
PARAMETER_NAMES = st.one_of(
    st.sampled_from(KNOWN_PARAMETERS),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=10),
)
QUERIES = st.dictionaries(PARAMETER_NAMES, HOSTILE_VALUES, max_size=4)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | HOSTILE_VALUES,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def public_urls() -> list[str]:
    """What the seeded site offers the public: pages, their routes, the toolkit's URLs, the
    sign-up and partner forms, links sent by e-mail (with a token that is not one) and documents."""
    token = "not-a-token"
    urls = ["/search/", "/sitemap.xml", "/robots.txt", "/oembed/", "/embed.js"]
    urls += [reverse("alerts:signup"), reverse("toolkit_register")]
    urls += [
        reverse(name, args=[token])
        for name in (
            "alerts:unsubscribe",
            "alerts:signup_confirm",
            "toolkit_partner_report",
            "toolkit_partner_report_csv",
            "newsroom:embargo_preview",
        )
    ]
    urls += [document.url for document in get_document_model().objects.all()[:2]]
    for page in Page.objects.live().public().specific():
        if page.url is None:  # Wagtail's root page: no site serves it
            continue
        urls.append(page.url)
        if hasattr(page, "reverse_subpage"):
            for name in ("feed_rss", "feed_atom", "plain_text"):
                with contextlib.suppress(NoReverseMatch):  # the page type has no such route
                    urls.append(page.url + page.reverse_subpage(name))
    for asset in CampaignAsset.objects.active()[:3]:
        urls += [
            reverse("toolkit_embed", args=[asset.slug]),
            reverse("toolkit_embed_data", args=[asset.slug]),
            reverse("toolkit_embed_image", args=[asset.slug, "medium-rectangle", "jpeg"]),
            reverse("toolkit_go", args=[asset.slug]),
            reverse("toolkit_download", args=[asset.slug, "square", "png"]),
            reverse("toolkit_file", args=[asset.slug, "square", "png"]),
            reverse("toolkit_copied", args=[asset.slug]),
        ]
    return urls


@pytest.fixture(autouse=True)
def sqlite_or_long_run():
    """On PostgreSQL, CI's run sends these requests to gunicorn instead (test_fuzz_production.py),
    which takes the place of this in-process run there; the long run (bench/fuzz.py) does both."""
    if connections["default"].vendor == "postgresql" and SCALE == 1:
        pytest.skip("on PostgreSQL, test_fuzz_production.py sends these requests to gunicorn")


@pytest.fixture
def visitor(seeded_site, settings) -> Client:
    """A visitor's client under the production URLconf and middleware, a provider configured."""
    settings.ALERTS_ESP = "postmark"
    return Client()


@pytest.fixture
def urls(seeded_site) -> list[str]:
    return public_urls()


def assert_no_server_error(response, what: str) -> None:
    log = getattr(response, "log", "")  # the server's log, when the request went over HTTP
    assert response.status_code < 500, f"{what} answered {response.status_code}\n{log}"


def is_oembed_format_refusal(response, query: dict) -> bool:
    """The oEmbed specification (2.3.4) has a provider answer 501 to a format it does not offer."""
    return response.status_code == 501 and query.get("format", "json") != "json"


# Each sent once with every known parameter name, to every public URL and API endpoint, before the
# generated examples: the classes of issue 18 are caught whatever the examples happen to pick.
EVERY_PARAMETER_WITH = ["\x00", "http://[::1", "abc", "-1", "99999999999999999999"]


def every_parameter(value: str) -> dict[str, str]:
    return dict.fromkeys(KNOWN_PARAMETERS, value)


def test_public_urls_with_hostile_queries_never_fail(visitor, urls):
    """Every public URL, with generated hostile query parameters, answers below 500."""
    fuzz_public_urls(visitor, urls)


def fuzz_public_urls(visitor, urls: list[str]) -> None:
    for url in urls:
        for value in EVERY_PARAMETER_WITH:
            query = every_parameter(value)
            response = visitor.get(url, query)
            if not (url == "/oembed/" and is_oembed_format_refusal(response, query)):
                assert_no_server_error(response, f"GET {url} {query!r}")

    @fuzz(120)
    @given(url=st.sampled_from(urls), query=QUERIES)
    def check(url, query):
        response = visitor.get(url, query)
        if not (url == "/oembed/" and is_oembed_format_refusal(response, query)):
            assert_no_server_error(response, f"GET {url} {query!r}")

    check()


def test_forms_and_wrong_methods_never_fail(visitor, urls):
    """Posting hostile form fields, or using other methods, on public URLs answers below 500."""
    fuzz_forms_and_methods(visitor, urls)


def fuzz_forms_and_methods(visitor, urls: list[str]) -> None:

    @fuzz(60)
    @given(
        url=st.sampled_from(urls),
        method=st.sampled_from(["post", "put", "patch", "delete", "options", "head", "trace"]),
        data=QUERIES,
    )
    def check(url, method, data):
        args = (url, data) if method == "post" else (url,)
        response = getattr(visitor, method)(*args)
        assert_no_server_error(response, f"{method.upper()} {url} {data!r}")

    check()


API_PATHS = [
    "/api/v2/pages/",
    "/api/v2/pages/find/",
    "/api/v2/assets/",
    "/api/v2/assets/find/",
    "/api/v2/facts/",
    "/api/v2/facts/find/",
]


def test_api_with_hostile_parameters_never_fails(visitor, seeded_site):
    """Every API endpoint, listing, detail and find, with hostile parameters answers below 500."""
    fuzz_api(visitor, seeded_site.pk)


def fuzz_api(visitor, home_pk: int) -> None:
    paths = [*API_PATHS, f"/api/v2/pages/{home_pk}/", "/api/v2/pages/99999999999/"]
    for path in paths:
        for value in EVERY_PARAMETER_WITH:
            query = every_parameter(value)
            assert_no_server_error(visitor.get(path, query), f"GET {path} {query!r}")
    # Each parameter alone too: with all of them, the first one checked hides the others.
    for path in API_PATHS:
        for name in KNOWN_PARAMETERS:
            for value in ("abc", "99999999999999999999"):
                query = {name: value}
                assert_no_server_error(visitor.get(path, query), f"GET {path} {query!r}")

    @fuzz(100)
    @given(path=st.sampled_from(paths), query=QUERIES)
    def check(path, query):
        assert_no_server_error(visitor.get(path, query), f"GET {path} {query!r}")

    check()


def test_oembed_with_hostile_urls_never_fails(visitor, seeded_site):
    """oEmbed with our asset URLs carrying hostile queries, or malformed URLs, answers below 500."""
    fuzz_oembed(visitor, "http://testserver")


def fuzz_oembed(visitor, origin: str) -> None:
    """`origin` is the site's scheme://host, so the asset URLs are the site's own."""
    asset = CampaignAsset.objects.active().first()
    page_url = f"{origin}/toolkit/{asset.slug}/"

    @fuzz(60)
    @given(
        url=st.one_of(
            HOSTILE_VALUES,
            QUERIES.map(
                lambda q: page_url + "?" + "&".join(f"{key}={value}" for key, value in q.items())
            ),
        ),
        query=QUERIES,
    )
    def check(url, query):
        response = visitor.get("/oembed/", {**query, "url": url})
        if not is_oembed_format_refusal(response, query):
            assert_no_server_error(response, f"oEmbed {url!r} {query!r}")

    check()


def test_tracking_webhook_with_hostile_bodies_never_fails(visitor):
    """The configured provider's webhook, authenticated, answers below 500 to any JSON body."""
    fuzz_tracking_webhook(visitor)


def fuzz_tracking_webhook(visitor) -> None:
    events = st.sampled_from(list(POSTMARK_EVENTS.values()))
    fields = st.dictionaries(
        st.sampled_from(
            [
                "RecordType",
                "Recipient",
                "Email",
                "MessageID",
                "Metadata",
                "Type",
                "TypeCode",
                "DeliveredAt",
                "ReceivedAt",
                "Description",
                "Tag",
            ]
        ),
        JSON_VALUES,
        max_size=4,
    )
    bodies = st.one_of(
        st.builds(lambda event, extra: {**event, **extra}, events, fields).map(json.dumps),
        JSON_VALUES.map(json.dumps),
        st.text(max_size=40),
        # nested deeper than any event, up to beyond what the JSON parser goes
        st.integers(min_value=100, max_value=100_000).map(lambda n: "[" * n + "]" * n),
    )

    @fuzz(100)
    @given(body=bodies)
    def check(body):
        response = visitor.post(
            "/anymail/postmark/tracking/", data=body, content_type="application/json", **AUTH
        )
        assert_no_server_error(response, f"webhook {body!r}")

    check()
