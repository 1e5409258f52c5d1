"""Benchmark data on top of the demo site: more releases, assets and partners, contacts for the
alert, and a year of engagement snapshots. Runs in-process (Django already set up)."""

import datetime
import itertools
import random
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from campaign.core.models import CampaignGoal, CampaignImage
from campaign.engagement.models import Indicator, IndicatorSnapshot
from campaign.newsroom.models import NewsroomPage, PressReleasePage
from campaign.toolkit.models import CampaignAsset, Partner

TOPICS = ["legislation", "research", "training", "awareness"]


def grow_to(n: int) -> dict[str, int]:
    """At least `n` press releases, campaign assets and partners (existing ones count)."""
    add_releases(n - PressReleasePage.objects.count())
    add_assets(n - CampaignAsset.objects.count())
    add_partners(n - Partner.objects.count())
    return {
        "releases": PressReleasePage.objects.count(),
        "assets": CampaignAsset.objects.count(),
        "partners": Partner.objects.count(),
    }


def add_releases(count: int) -> None:
    if count <= 0:
        return
    newsroom = NewsroomPage.objects.get()
    start = PressReleasePage.objects.count()
    now = timezone.now()
    for i in range(start, start + count):
        when = now - datetime.timedelta(hours=7 * i + 1)
        page = PressReleasePage(
            title=f"Benchmark release {i}: the Council reports on demand in Connecticut",
            slug=f"bench-release-{i}",
            summary="A short release written by the benchmark harness for load testing.",
            release_at=when,
            dateline="HARTFORD",
            body=[
                ("paragraph", RichText(f"<p>Paragraph {n} of a benchmark release.</p>"))
                for n in range(4)
            ],
            live=True,
            first_published_at=when,
            last_published_at=when,
        )
        page.topics.add(TOPICS[i % len(TOPICS)])
        newsroom.add_child(instance=page)


def add_assets(count: int) -> None:
    if count <= 0:
        return
    images = itertools.cycle(CampaignImage.objects.order_by("pk"))
    english = Locale.get_default()
    goals = itertools.cycle(CampaignGoal.objects.filter(locale=english).order_by("number"))
    start = CampaignAsset.objects.count()
    CampaignAsset.objects.bulk_create(
        CampaignAsset(
            locale=english,
            title=f"Benchmark asset {i}",
            slug=f"bench-asset-{i}",
            message="A benchmark asset: an image and a message for partner sites.",
            image=next(images),
            goal=next(goals),
            link_url="https://example.org/",
        )
        for i in range(start, start + count)
    )


def add_partners(count: int) -> None:
    if count <= 0:
        return
    start = Partner.objects.count()
    Partner.objects.bulk_create(
        Partner(
            organisation=f"Benchmark partner {i}",
            website=f"https://partner{i}.example.org/",
            allowed_domains=f"partner{i}.example.org",
            contact_email=f"web@partner{i}.example.org",
            code=f"bench-partner-{i}",
        )
        for i in range(start, start + count)
    )


def year_of_snapshots(today: datetime.date) -> dict[str, int]:
    """A value for every indicator on every day of the past year."""
    rng = random.Random(8)  # noqa: S311 - repeatable made-up data, not a secret
    indicators = list(Indicator.objects.all())
    days = [today - datetime.timedelta(days=n) for n in range(366)]
    IndicatorSnapshot.objects.bulk_create(
        (
            IndicatorSnapshot(indicator=i, date=d, value=Decimal(rng.randint(0, 40)))
            for i in indicators
            for d in days
        ),
        batch_size=2000,
        ignore_conflicts=True,
    )
    return {"indicators": len(indicators), "snapshots": IndicatorSnapshot.objects.count()}
