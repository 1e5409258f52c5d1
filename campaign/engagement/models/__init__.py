from .actions import ActionFormField, ActionFormPage
from .indicators import (
    PLAUSIBLE_KINDS,
    Aggregation,
    Indicator,
    IndicatorSnapshot,
    IndicatorTotal,
    ManualEntry,
    SourceKind,
)
from .periods import Period, period_bounds, period_label

__all__ = [
    "PLAUSIBLE_KINDS",
    "ActionFormField",
    "ActionFormPage",
    "Aggregation",
    "Indicator",
    "IndicatorSnapshot",
    "IndicatorTotal",
    "ManualEntry",
    "Period",
    "SourceKind",
    "period_bounds",
    "period_label",
]
