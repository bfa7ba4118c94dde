"""The programme's three B.2.4 targets, per school year and per school (counts and shares only).

1. Every technical teacher did a development activity, by 1 July 2023 and each school year since
   (portfolios.reports.dossier.hub_figures: an entry with hours in the school year).
2. Every technical teacher authorised for what they teach by the set date
   (portfolios.reports.authorisation.inventory: the same derivation as everywhere).
3. +20% inflow of (hybrid) teachers against the baseline year (intake_figures).
Lives in courses because target 3 needs the intake; arrows go courses → portfolios.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portfolios.reports.authorisation import inventory
from portfolios.reports.dossier import hub_figures

from .programmes import intake_figures

FIRST_YEAR = 2022  # school year 2022-2023: the first measured on 1 July 2023

TARGETS = {
    "development": _("Every technical teacher (100%) did a development activity (each school year, measured on 1 July)"),
    "authorised": _("Every technical teacher authorised for what they teach by the set date"),
    "inflow": _("+20% inflow of (hybrid) teachers against the baseline year"),
}


@dataclass
class YearFigures:
    school_year: str
    on: date
    development: dict = field(default_factory=dict)  # school name (None: region) → (done, of, percent)
    authorised: dict = field(default_factory=dict)


def programme_goals(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    last = today.year if today.month >= 8 else today.year - 1
    years = []
    for start in range(FIRST_YEAR, last + 1):
        on = min(date(start + 1, 7, 1), today)
        figures = YearFigures(f"{start}-{start + 1}", on)
        rows, region = hub_figures(on)
        for row in [*rows, region]:
            name = row.school.name if row.school else None
            figures.development[name] = (row.developed, row.teachers, row.developed_percent)
        inv = inventory(on=on, until=on)
        for row in inv.targets:
            done = row["teachers"] - row["not_authorised"]
            figures.authorised[row["school"]] = (done, row["teachers"], row["share"] if row["teachers"] else None)
        years.append(figures)
    schools = sorted({name for y in years for d in (y.development, y.authorised) for name in d if name})
    return {"years": years, "schools": schools, "intake": intake_figures(today=today), "labels": TARGETS}


def chart(values, *, width=320, bar=16, gap=8, maximum=100):
    """Bars for a small server-side SVG: [(label, value or None)] → geometry (no JavaScript)."""
    biggest = max([maximum, *(v for _label, v in values if v is not None)])
    bars = []
    for i, (label, value) in enumerate(values):
        length = round((value or 0) / biggest * (width - 120), 1) if biggest else 0
        bars.append({
            "label": label, "value": value, "y": i * (bar + gap), "width": length, "text_x": 110 + length + 4,
            "text_y": i * (bar + gap) + bar - 4,
        })
    return {"bars": bars, "height": max(1, len(values)) * (bar + gap), "bar": bar, "width": width}


def goals_table(goals) -> tuple[list, list]:
    """Rows for the annual report's CSV/XLSX: target, school year, school, done, of, percent."""
    headers = [str(_("target")), str(_("school year")), str(_("school")), str(_("achieved")), str(_("of")), str(_("percent"))]
    rows = []
    for year in goals["years"]:
        for key in ("development", "authorised"):
            for school, (done, of, percent) in sorted(getattr(year, key).items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
                rows.append([str(TARGETS[key]), year.school_year, school or str(_("region")), done, of, percent])
    intake = goals["intake"]
    for row in intake["rows"]:
        rows.append([str(TARGETS["inflow"]), str(row["year"]), str(_("region")), row["admitted"], intake["target"], row["change"]])
    return headers, rows
