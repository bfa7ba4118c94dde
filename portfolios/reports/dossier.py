"""Figures of the dossier: inventory response rates, plan status counts, the hub's figures.

Every function runs a fixed number of queries, whatever the number of schools or people,
and returns counts; only `inventory_non_responders` names people (for HR of that school).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import timezone

from community.models import Membership, Organisation, Person, Role, VmboProfile

from ..models import (
    DevelopmentPlan,
    NeedsInventoryResponse,
    NeedsInventoryRound,
    PlanStatus,
    PortfolioEntry,
    school_year_bounds,
)
from ..services.dossier import school_year_of, technical_teacher_memberships

# The programme's target: every technical teacher has had professional development by then.
DEVELOPMENT_TARGET_DATE = date(2023, 7, 1)


def _teachers_by_school(on: date, school_ids=None) -> dict[int, set[int]]:
    # People who have left (membership ended, account closed or anonymised) are not counted.
    rows = technical_teacher_memberships(on).filter(person__is_active=True)
    if school_ids is not None:
        rows = rows.filter(organisation_id__in=school_ids)
    by_school = defaultdict(set)
    for organisation_id, person_id in rows.values_list("organisation_id", "person_id"):
        by_school[organisation_id].add(person_id)
    return by_school


def _rate(part: int, whole: int) -> int | None:
    return round(part * 100 / whole) if whole else None


@dataclass
class InventoryRate:
    school: Organisation
    teachers: int
    submitted: int
    drafts: int

    @property
    def percent(self):
        return _rate(self.submitted, self.teachers)


def inventory_rates(round: NeedsInventoryRound, school_ids=None, on: date | None = None) -> list[InventoryRate]:
    """Per school: technical teachers, submitted responses, drafts. Three queries."""
    on = on or min(max(round.opens_on, timezone.localdate()), round.deadline)
    by_school = _teachers_by_school(on, school_ids)
    states = dict(
        NeedsInventoryResponse.objects.filter(round=round).values_list("person_id", "submitted_at")
    )
    schools = Organisation.objects.filter(pk__in=by_school).order_by("name")
    rows = []
    for school in schools:
        people = by_school[school.pk]
        submitted = sum(1 for p in people if states.get(p) is not None)
        drafts = sum(1 for p in people if p in states and states[p] is None)
        rows.append(InventoryRate(school, len(people), submitted, drafts))
    return rows


def inventory_total(rows: list[InventoryRate]) -> InventoryRate:
    return InventoryRate(
        None, sum(r.teachers for r in rows), sum(r.submitted for r in rows), sum(r.drafts for r in rows)
    )


def inventory_non_responders(round: NeedsInventoryRound, school_id: int):
    """The technical teachers of one school who have not submitted (for HR of that school)."""
    people = _teachers_by_school(min(max(round.opens_on, timezone.localdate()), round.deadline), [school_id])[school_id]
    submitted = NeedsInventoryResponse.objects.filter(round=round, submitted_at__isnull=False).values("person_id")
    return Person.objects.filter(pk__in=people).exclude(pk__in=submitted).order_by("sort_name")


def _measuring_day(round: NeedsInventoryRound) -> date:
    return min(max(round.opens_on, timezone.localdate()), round.deadline)


def _team_teachers(round: NeedsInventoryRound, team_ids) -> set[int]:
    return set(
        technical_teacher_memberships(_measuring_day(round))
        .filter(team_id__in=team_ids, person__is_active=True)
        .values_list("person_id", flat=True)
    )


def team_inventory_rates(round: NeedsInventoryRound, team_ids) -> InventoryRate:
    """The response of the technical teachers of these teams (for their team leader). Two queries."""
    people = _team_teachers(round, team_ids)
    states = dict(
        NeedsInventoryResponse.objects.filter(round=round, person_id__in=people).values_list("person_id", "submitted_at")
    )
    submitted = sum(1 for p in people if states.get(p) is not None)
    drafts = sum(1 for p in people if p in states and states[p] is None)
    return InventoryRate(None, len(people), submitted, drafts)


def team_inventory_non_responders(round: NeedsInventoryRound, team_ids):
    people = _team_teachers(round, team_ids)
    submitted = NeedsInventoryResponse.objects.filter(round=round, submitted_at__isnull=False).values("person_id")
    return Person.objects.filter(pk__in=people).exclude(pk__in=submitted).order_by("sort_name", "pk")


def plan_status_counts(school_ids, school_year: str, on: date | None = None) -> dict[str, int]:
    """Counts of plan status (plus 'none') among the technical teachers of these schools."""
    people = set().union(*_teachers_by_school(on or timezone.localdate(), school_ids).values()) if school_ids else set()
    statuses = dict(
        DevelopmentPlan.objects.filter(person_id__in=people, school_year=school_year).values_list("person_id", "status")
    )
    counts = Counter(statuses.get(p, "none") for p in people)
    return {"none": counts["none"], **{value: counts[value] for value in PlanStatus.values}}


@dataclass
class SchoolFigures:
    school: Organisation | None
    teachers: int = 0
    agreed_plans: int = 0
    developed: int = 0
    hours_done: Decimal = Decimal("0")
    hours_target: Decimal = Decimal("0")

    @property
    def agreed_percent(self):
        return _rate(self.agreed_plans, self.teachers)

    @property
    def developed_percent(self):
        return _rate(self.developed, self.teachers)

    @property
    def hours_percent(self):
        return _rate(int(self.hours_done), int(self.hours_target))


def hub_figures(on: date | None = None) -> tuple[list[SchoolFigures], SchoolFigures]:
    """Per school and for the region, for the school year `on` falls in. Four queries.

    A teacher 'did a development activity' when their portfolio holds an entry with hours
    dated in the school year (recorded evidence included). Teachers without a plan count
    toward the target with the default hours target of their (absent) plan: 80 hours.
    """
    from ..models import DossierSettings

    on = on or timezone.localdate()
    school_year = school_year_of(on)
    start, end = school_year_bounds(school_year)
    by_school = _teachers_by_school(on)
    everyone = set().union(*by_school.values()) if by_school else set()
    plans = {
        row["person_id"]: row
        for row in DevelopmentPlan.objects.filter(person_id__in=everyone, school_year=school_year).values(
            "person_id", "status", "hours_target"
        )
    }
    hours = dict(
        PortfolioEntry.objects.filter(owner_id__in=everyone, date__gte=start, date__lte=end, hours__gt=0)
        .values("owner_id")
        .annotate(total=Sum("hours"))
        .values_list("owner_id", "total")
    )
    default_target = Decimal(DossierSettings.load().hours_target)
    schools = {s.pk: s for s in Organisation.objects.filter(pk__in=by_school)}
    def add(figures, person_id):
        plan = plans.get(person_id)
        figures.teachers += 1
        figures.agreed_plans += bool(plan and plan["status"] in (PlanStatus.AGREED, PlanStatus.CLOSED))
        figures.developed += person_id in hours
        figures.hours_done += hours.get(person_id, Decimal("0"))
        figures.hours_target += Decimal(plan["hours_target"]) if plan else default_target

    rows = []
    for school_id, people in by_school.items():
        row = SchoolFigures(schools[school_id])
        for person_id in people:
            add(row, person_id)
        rows.append(row)
    region = SchoolFigures(None)
    for person_id in everyone:  # a teacher at two schools counts once for the region
        add(region, person_id)
    rows.sort(key=lambda r: r.school.name)
    return rows, region


def needs_deepening_counts(on_date: date, school=None, *, profile_codes=None) -> dict[str, int]:
    """The `needs_deepening` measure of the regional inventory (section A.5), per profile code.

    The one definition, used by the A.5 report and the hub's dossier figures: per profile,
    the teachers employed at a school on `on_date` (an active teacher membership; with
    `school`, at that school) who teach that profile AND whose submitted needs inventory of
    the school year `on_date` falls in asks for deepening or broadening in that same
    profile. A teacher counts once per profile, however many schools they teach it at.
    One query; two without `profile_codes` (the codes to report, in order; default all).
    """
    if profile_codes is None:
        profile_codes = VmboProfile.objects.order_by("sort_order", "code").values_list("code", flat=True)
    counts = dict.fromkeys(profile_codes, 0)
    teachers = Membership.objects.active(on_date).filter(role=Role.TEACHER)
    if school is not None:
        teachers = teachers.filter(organisation_id=getattr(school, "pk", school))
    wishes = NeedsInventoryResponse.deepening_profiles.through.objects.filter(
        vmboprofile_id=OuterRef("vmboprofile_id"),
        needsinventoryresponse__person_id=OuterRef("membership__person_id"),
        needsinventoryresponse__round__school_year=school_year_of(on_date),
        needsinventoryresponse__submitted_at__isnull=False,
    )
    taught_and_wished = Membership.profiles.through.objects.filter(
        Exists(wishes), membership__in=teachers, vmboprofile__code__in=list(counts)
    )
    rows = (
        taught_and_wished.values_list("vmboprofile__code")
        .annotate(n=Count("membership__person_id", distinct=True))
        .order_by()
    )
    for code, n in rows:
        counts[code] = n
    return counts
