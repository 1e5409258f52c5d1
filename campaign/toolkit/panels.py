"""Admin displays of an asset's or a partner's counts for the last 30 days and all time."""

import datetime

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column
from wagtail.images.models import SourceImageIOError

from .embeds import embed_codes
from .kinds import CountKind
from .presets import DEFAULT_EMBED_PRESET, PRESETS
from .sizes import asset_sizes, size_field_names

RECENT_DAYS = 30


def count_rows(daily_counts) -> list[tuple[str, int, int]]:
    """(label, last 30 days, all time) for each kind, from a DailyCount queryset."""
    recent = daily_counts.last_days(RECENT_DAYS).totals_by_kind()
    all_time = daily_counts.totals_by_kind()
    return [(label, recent[kind], all_time[kind]) for kind, label in CountKind.choices]


class CountsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "toolkit/admin/counts_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rows"] = count_rows(self.instance.daily_counts.all())
            context["recent_days"] = RECENT_DAYS
            return context


class SizesPanel(Panel):
    """Every size as a partner gets it, the automatic ones marked, each with its designed-artwork
    chooser and, for an automatic version, the approval that offers it to partners. The fields
    are declared on campaign.toolkit.forms.CampaignAssetForm."""

    def get_form_options(self):
        names = [name for preset in PRESETS.values() for name in size_field_names(preset)]
        return {"fields": names}

    class BoundPanel(Panel.BoundPanel):
        template_name = "toolkit/admin/sizes_panel.html"

        class Media:
            css = {"all": ["toolkit/admin/sizes.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["sizes"] = [
                (size, preview(size), *(self.form[name] for name in size_field_names(size.preset)))
                for size in asset_sizes(self.instance)
            ]
            return context


def preview(size):
    """The WebP file partners would get, None when there is nothing to show or the file is gone."""
    if not (size.designed or size.version):
        return None
    try:
        return size.rendition("webp")
    except SourceImageIOError:
        return None


def annotate_counts(queryset, related_name: str = "daily_counts"):
    """Add each kind's totals for the last 30 days and all time in one query, for list columns."""
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS - 1)
    annotations = {}
    for kind in CountKind.values:
        of_kind = Q(**{f"{related_name}__kind": kind})
        annotations[f"{kind}_recent"] = Coalesce(
            Sum(f"{related_name}__n", filter=of_kind & Q(**{f"{related_name}__day__gte": since})),
            0,
        )
        annotations[f"{kind}_total"] = Coalesce(Sum(f"{related_name}__n", filter=of_kind), 0)
    return queryset.annotate(**annotations)


def counts_summary(suffix: str):
    """An accessor for a list column: '3 impressions · 1 click-throughs · ...' from annotations."""

    def summary(instance) -> str:
        return " · ".join(
            f"{getattr(instance, f'{kind}_{suffix}', 0)} {label.lower()}"
            for kind, label in CountKind.choices
        )

    return summary


def count_columns() -> list[Column]:
    return [
        Column(
            "counts_recent", label=f"Last {RECENT_DAYS} days", accessor=counts_summary("recent")
        ),
        Column("counts_total", label="All time", accessor=counts_summary("total")),
    ]


class PartnerAccessPanel(Panel):
    """On a partner's edit view: approve or decline a registration, and its private report link
    with a copy button and a way to replace it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "toolkit/admin/partner_access_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            partner = self.instance
            context["partner"] = partner
            if partner.status == partner.Status.APPROVED:
                context["report_url"] = self.request.build_absolute_uri(partner.report_path())
            return context


class EmbedCodesPanel(Panel):
    """On an asset's edit view: its three embed codes, each with a copy button."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "toolkit/admin/embed_codes_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.instance.image_id)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            preset = PRESETS[DEFAULT_EMBED_PRESET]
            context["preset"] = preset
            context["codes"] = embed_codes(self.request, self.instance, preset)
            return context
