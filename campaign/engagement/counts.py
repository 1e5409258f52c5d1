"""First-party counts this app exposes to the engagement reports: action form submissions, in
total and per action page. A page's translations (the Spanish pledge under /es/) count with it,
under the default language's slug, so the indicators and goals see every language's
submissions."""

import datetime
from collections import defaultdict

from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from campaign.core.counts import CountSource

from .models import ActionFormPage


def day_bounds(day_from: datetime.date, day_to: datetime.date) -> tuple:
    """Aware datetimes from the start of day_from to the start of the day after day_to."""
    start = timezone.make_aware(datetime.datetime.combine(day_from, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(day_to + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


def submissions_counter(page_ids):
    def count(day_from: datetime.date, day_to: datetime.date) -> int:
        start, end = day_bounds(day_from, day_to)
        return FormSubmission.objects.filter(
            page_id__in=page_ids, submit_time__gte=start, submit_time__lt=end
        ).count()

    return count


def form_submission_sources() -> list[CountSource]:
    rows = ActionFormPage.objects.values_list("pk", "slug", "title", "translation_key", "locale_id")
    default_locale = Locale.get_default().pk
    translations = defaultdict(list)  # translation key -> the pks of the page in every language
    named = {}  # translation key -> (slug, title) of the default language's page, else the first
    for pk, slug, title, key, locale_id in rows.order_by("path"):
        translations[key].append(pk)
        if key not in named or locale_id == default_locale:
            named[key] = (slug, title)
    sources = [
        CountSource(
            "engagement.form_submissions",
            "Action form submissions (all forms)",
            submissions_counter(ActionFormPage.objects.values("pk")),
        )
    ]
    sources += [
        CountSource(
            f"engagement.form_submissions.{slug}",
            f"Submissions of the form '{title}'",
            submissions_counter(translations[key]),
        )
        for key, (slug, title) in named.items()
    ]
    return sources
