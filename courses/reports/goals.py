"""The programme's three B.2.4 targets, per school year and per school (counts and shares only).

1. Every technical teacher did a development activity, by 1 July 2023 and each school year since
   (portfolios.reports.dossier.hub_figures: an entry with hours in the school year).
2. Every technical teacher authorised for what they teach by the set date
   (portfolios.reports.inventory.inventory: the same derivation as everywhere).
3. +20% inflow of (hybrid) teachers against the baseline year: per school, the people who started
   teaching there (teacher or hybrid teacher in training) in a school year, against the first
   school year measured; regionally also the hub's intake (intake_figures).
Lives in courses because target 3 needs the intake; arrows go courses → portfolios.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portfolios.reports.dossier import hub_figures
from portfolios.reports.inventory import inventory

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
    inflow: dict = field(default_factory=dict)  # school name (None: region) → (new, target, change %)


def _school_year(day: date) -> int:
    return day.year if day.month >= 8 else day.year - 1


def _inflow_per_school_year():
    """{(school year start, school name)}: people whose first teacher or trainee membership at that
    school started in that school year (a move between teams or a renewed contract is no inflow)."""
    from community.models import Membership, Role

    firsts = (
        Membership.objects.filter(role__in=[Role.TEACHER, Role.TRAINEE], organisation__kind="school")
        .values("person_id", "organisation__name").annotate(first=Min("start_date"))
    )
    counts = defaultdict(int)
    for row in firsts:
        year = _school_year(row["first"])
        counts[(year, row["organisation__name"])] += 1
        counts[(year, None)] += 1
    return counts


def programme_goals(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    last = today.year if today.month >= 8 else today.year - 1
    years = []
    inflow = _inflow_per_school_year()
    names = {name for (_year, name) in inflow if name}
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
        for name in [*names, None]:
            baseline = inflow.get((FIRST_YEAR, name), 0)
            new = inflow.get((start, name), 0)
            change = round(100 * (new - baseline) / baseline) if baseline and start > FIRST_YEAR else None
            # No target without a baseline: +20% of nothing says nothing.
            figures.inflow[name] = (new, math.ceil(baseline * 1.2) if baseline and start > FIRST_YEAR else None, change)
        years.append(figures)
    schools = sorted({name for y in years for d in (y.development, y.authorised, y.inflow) for name in d if name})
    return {"years": years, "schools": schools, "intake": intake_figures(today=today), "labels": TARGETS}


def chart(values, *, width=640, bar=16, gap=8, maximum=100):
    """Bars for a small server-side SVG: [(label, value or None)] → geometry (no JavaScript)."""
    biggest = max([maximum, *(v for _label, v in values if v is not None)])
    bars = []
    for i, (label, value) in enumerate(values):
        length = round((value or 0) / biggest * (width - 170), 1) if biggest else 0
        bars.append({
            "label": label, "value": value, "y": i * (bar + gap), "width": length, "text_x": 110 + length + 4,
            "text_y": i * (bar + gap) + bar - 4,
        })
    return {"bars": bars, "height": max(1, len(values)) * (bar + gap), "bar": bar, "width": width}


def goals_table(goals) -> tuple[list, list]:
    """Rows for the annual report's CSV/XLSX: target, school year, school, done, of, percent."""
    headers = [str(_("target")), str(_("school year")), str(_("school")), str(_("achieved")), str(_("of / target")), str(_("percent / change"))]
    rows = []
    for year in goals["years"]:
        for key in ("development", "authorised", "inflow"):
            for school, (done, of, percent) in sorted(getattr(year, key).items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
                rows.append([str(TARGETS[key]), year.school_year, school or str(_("region")), done, of, percent])
    intake = goals["intake"]
    for row in intake["rows"]:
        rows.append([
            str(_("Hub intake: admitted (hybrid) teachers against the baseline year")), str(row["year"]), str(_("region")),
            row["admitted"], intake["target"], row["change"],
        ])
    return headers, rows


def school_rows(goals, key):
    """[(school, [(done, of, percent) or None per school year])] for one target's table."""
    return [(school, [getattr(y, key).get(school) for y in goals["years"]]) for school in [*goals["schools"], None]]
