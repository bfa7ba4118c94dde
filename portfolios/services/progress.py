"""The one source of a plan's hours and money.

Hours done on a plan: the hours of the teacher's portfolio entries dated within the plan's
school year (1 August – 31 July), plus entries linked to one of the plan's goals or
activities even when dated outside that year, plus the planned hours of activities marked
done that have no evidence linked. An activity finished by evidence (recorded by another app
or chosen by the teacher) counts the evidence's hours only: never twice.

Money: the cost of done activities is spent (over the budget period, all plans of those
years); the cost of activities not yet done in this plan is planned; remaining is what is
left after both. Over budget when spent + planned exceed the budget.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from ..models import (
    DevelopmentPlan,
    DossierSettings,
    PlannedActivity,
    PortfolioEntry,
    school_year_bounds,
)

ZERO = Decimal("0")


@dataclass
class Progress:
    done: Decimal
    target: Decimal

    @property
    def percent(self) -> int:
        if not self.target:
            return 100 if self.done else 0
        return min(100, int(self.done * 100 / self.target))

    @property
    def reached(self) -> bool:
        return self.done >= self.target


@dataclass
class Budget:
    budget: Decimal
    spent: Decimal
    planned: Decimal
    period_years: int

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent - self.planned

    @property
    def over(self) -> bool:
        return self.remaining < 0

    @property
    def overrun(self) -> Decimal:
        return -self.remaining if self.over else ZERO

    @property
    def percent(self) -> int:
        """Share of the budget spent or planned (the bar), at most 100."""
        if not self.budget:
            return 100 if (self.spent or self.planned) else 0
        return min(100, int((self.spent + self.planned) * 100 / self.budget))

    @property
    def spent_percent(self) -> int:
        if not self.budget:
            return 100 if self.spent else 0
        return min(100, int(self.spent * 100 / self.budget))


def previous_school_years(school_year: str, count: int) -> list[str]:
    first = int(school_year[:4])
    return [f"{y}-{y + 1}" for y in range(first - count + 1, first + 1)]


def hours_done_for_plans(plans) -> dict[int, Decimal]:
    """Hours done per plan id, in four queries whatever the number of plans."""
    plans = list(plans)
    if not plans:
        return {}
    years = sorted({p.school_year for p in plans})
    annotations = {}
    for n, year in enumerate(years):
        start, end = school_year_bounds(year)
        annotations[f"y{n}"] = Sum("hours", filter=Q(date__gte=start, date__lte=end))
    rows = (
        PortfolioEntry.objects.filter(owner_id__in={p.person_id for p in plans})
        .values("owner_id")
        .annotate(**annotations)
    )
    by_owner = {row["owner_id"]: row for row in rows}
    done = {}
    for plan in plans:
        row = by_owner.get(plan.person_id) or {}
        done[plan.pk] = row.get(f"y{years.index(plan.school_year)}") or ZERO
    by_id = {p.pk: p for p in plans}
    seen = set()

    def add_outside_year(plan_id, entry_id, entry_date, entry_hours):
        plan = by_id[plan_id]
        start, end = school_year_bounds(plan.school_year)
        if (plan_id, entry_id) in seen or start <= entry_date <= end:
            return
        seen.add((plan_id, entry_id))
        done[plan_id] += entry_hours

    # Entries linked to a goal or an activity but dated outside the plan's year count too.
    linked = PortfolioEntry.goals.through.objects.filter(learninggoal__plan__in=list(by_id)).values_list(
        "learninggoal__plan_id", "portfolioentry_id", "portfolioentry__date", "portfolioentry__hours"
    )
    for row in linked:
        add_outside_year(*row)
    activities = PlannedActivity.objects.filter(goal__plan__in=list(by_id)).filter(
        Q(evidence__isnull=False) | Q(completed=True)
    ).values_list("goal__plan_id", "evidence_id", "evidence__date", "evidence__hours", "planned_hours")
    for plan_id, entry_id, entry_date, entry_hours, planned_hours in activities:
        if entry_id is None:
            done[plan_id] += planned_hours  # done without evidence: the planned hours count
        else:
            add_outside_year(plan_id, entry_id, entry_date, entry_hours)
    return done


def budget_for(plan: DevelopmentPlan, period_years: int | None = None, *, extra_cost: Decimal = ZERO) -> Budget:
    """Spent over the budget period, planned (not yet done) in this plan. Two queries.

    `extra_cost`: an activity being planned (before it is saved), for the warning on the form.
    """
    if period_years is None:
        period_years = DossierSettings.load().budget_period_years
    years = previous_school_years(plan.school_year, period_years)
    spent = PlannedActivity.objects.filter(
        goal__plan__person_id=plan.person_id, goal__plan__school_year__in=years, completed=True
    ).aggregate(total=Sum("cost"))["total"] or ZERO
    planned = PlannedActivity.objects.filter(goal__plan=plan, completed=False).aggregate(total=Sum("cost"))[
        "total"
    ] or ZERO
    return Budget(plan.budget, spent, planned + extra_cost, period_years)


def budget_spent(plan: DevelopmentPlan, period_years: int) -> tuple[Decimal, Decimal]:
    """(spent in the budget period, planned in this plan) — kept for older callers."""
    budget = budget_for(plan, period_years)
    return budget.spent, budget.planned


def plan_progress(plan: DevelopmentPlan) -> dict:
    defaults = DossierSettings.load()
    budget = budget_for(plan, defaults.budget_period_years)
    return {
        "hours": Progress(hours_done_for_plans([plan])[plan.pk], Decimal(plan.hours_target)),
        "budget": budget,
        "planned_cost": budget.planned,
        "budget_period_years": defaults.budget_period_years,
    }
