"""Needs inventory and development plan: the write paths and the small reads they share.

Hours done on a plan (decided here, shown on the plan page): the hours of the teacher's
portfolio entries dated within the plan's school year (1 August – 31 July), plus entries
linked to one of the plan's goals even when dated outside that year. Evidence that other
apps record (`record_evidence`) is a portfolio entry, so it counts without extra work.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Membership, Role, VmboProfile

from ..models import (
    ActivityForm,
    CompetenceRequirement,
    DevelopmentPlan,
    DossierSettings,
    LearningGoal,
    NeedsInventoryResponse,
    NeedsInventoryRound,
    PlanEvent,
    PlannedActivity,
    PlanStatus,
    PortfolioEntry,
    school_year_bounds,
)


def school_year_of(on: date | None = None) -> str:
    """The school year (1 August – 31 July) a date falls in, e.g. '2026-2027'."""
    on = on or timezone.localdate()
    first = on.year if on.month >= 8 else on.year - 1
    return f"{first}-{first + 1}"


def previous_school_years(school_year: str, count: int) -> list[str]:
    first = int(school_year[:4])
    return [f"{y}-{y + 1}" for y in range(first - count + 1, first + 1)]


def technical_teacher_memberships(on: date | None = None):
    """Active teacher memberships at a school with at least one profile taught."""
    return (
        Membership.objects.active(on)
        .filter(role=Role.TEACHER, organisation__kind="school", profiles__isnull=False)
        .distinct()
    )


def is_technical_teacher(user) -> bool:
    if not user.is_authenticated:
        return False
    return technical_teacher_memberships().filter(person=user).exists()


def known_authorisation_status(person) -> tuple[str, list[int]]:
    """What the platform knows about this person's authorisation, for pre-filling the inventory:
    a line per profile taught (status and what would make them fully authorised) and the ids
    of the profiles where a rule gives a route that still needs upskilling."""
    from ..reports.authorisation import UPSKILLING, teacher_statuses

    lines, upskilling = [], []
    for _school, statuses in teacher_statuses(person):
        for status in statuses:
            line = f"{status.profile.code}: {status.label}"
            if status.next_step:
                line += f" — {status.next_step}"
            lines.append(line)
            if status.status == UPSKILLING:
                upskilling.append(status.profile.pk)
    return "\n".join(lines), upskilling


# Needs inventory -------------------------------------------------------------------------


def open_round(on: date | None = None) -> NeedsInventoryRound | None:
    return NeedsInventoryRound.objects.open_on(on).order_by("deadline").first()


def inventory_response_for(*, round: NeedsInventoryRound, person) -> NeedsInventoryResponse:
    """The person's response in the round, created and pre-filled on first opening."""
    response = NeedsInventoryResponse.objects.filter(round=round, person=person).first()
    if response is None:
        status_text, upskilling = known_authorisation_status(person)
        response = NeedsInventoryResponse.objects.create(
            round=round, person=person, authorisation_status=status_text
        )
        taught = VmboProfile.objects.filter(
            memberships__in=technical_teacher_memberships().filter(person=person)
        ).distinct()
        response.profiles_taught.set(taught)
        response.upskilling_profiles.set(upskilling)
    return response


@transaction.atomic
def inventory_save(*, response: NeedsInventoryResponse, submit: bool) -> NeedsInventoryResponse:
    """Save the form's answers (already on `response` by the form); submit if asked."""
    if response.round.deadline < timezone.localdate() and not response.is_submitted:
        raise ValidationError(_("The deadline of this round has passed."))
    if submit:
        missing = [
            label
            for label, value in (
                (_("subject competence"), response.subject_assessment),
                (_("subject-didactic competence"), response.didactic_assessment),
                (_("pedagogical competence"), response.pedagogical_assessment),
            )
            if not value
        ]
        if missing:
            raise ValidationError(
                _("Before you submit, assess yourself on: %(missing)s.") % {"missing": ", ".join(missing)}
            )
        if response.submitted_at is None:
            response.submitted_at = timezone.now()
    response.save()
    return response


# Development plan ------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, person, school_year: str | None = None) -> DevelopmentPlan:
    """Start the year's plan, drafted from the teacher's inventory answers when there are any."""
    school_year = school_year or school_year_of()
    existing = DevelopmentPlan.objects.filter(person=person, school_year=school_year).first()
    if existing:
        return existing
    defaults = DossierSettings.load()
    response = (
        NeedsInventoryResponse.objects.filter(person=person, round__school_year=school_year)
        .prefetch_related("deepening_profiles", "upskilling_profiles")
        .first()
    )
    plan = DevelopmentPlan.objects.create(
        person=person,
        school_year=school_year,
        hours_target=defaults.hours_target,
        budget=defaults.budget,
        inventory_response=response,
    )
    PlanEvent.objects.create(plan=plan, actor=person, from_status="", to_status=PlanStatus.DRAFT)
    if response is not None:
        _draft_goals(plan, response)
    return plan


def _draft_goals(plan: DevelopmentPlan, response: NeedsInventoryResponse) -> None:
    _start, end = school_year_bounds(plan.school_year)
    preferred = response.preferred_forms[:1] or [ActivityForm.COURSE]
    for profile in response.upskilling_profiles.all():
        goal = LearningGoal.objects.create(
            plan=plan,
            title=_("Upskilling for full authorisation in %(profile)s") % {"profile": profile.code},
            why=response.authorisation_needs,
            requirement=CompetenceRequirement.SUBJECT,
            profile=profile,
            target_date=end,
        )
        PlannedActivity.objects.create(goal=goal, form=ActivityForm.COURSE, description=_("Upskilling course"))
    for profile in response.deepening_profiles.all():
        goal = LearningGoal.objects.create(
            plan=plan,
            title=_("Deepening or broadening in %(profile)s") % {"profile": profile.code},
            why=response.deepening_topics,
            requirement=CompetenceRequirement.SUBJECT,
            profile=profile,
            target_date=end,
        )
        PlannedActivity.objects.create(
            goal=goal, form=preferred[0], description=ActivityForm(preferred[0]).label
        )
    weakest = [
        (value, requirement)
        for value, requirement in (
            (response.didactic_assessment, CompetenceRequirement.DIDACTIC),
            (response.pedagogical_assessment, CompetenceRequirement.PEDAGOGICAL),
        )
        if value and value <= 2
    ]
    for _value, requirement in weakest:
        LearningGoal.objects.create(
            plan=plan,
            title=_("Grow in %(requirement)s") % {"requirement": requirement.label},
            requirement=requirement,
            target_date=end,
        )


# Which step each role may take, from which state.
TRANSITIONS = {
    "submit": ({PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED}, PlanStatus.SUBMITTED, "owner"),
    "agree": ({PlanStatus.SUBMITTED}, PlanStatus.AGREED, "leader"),
    "request_changes": ({PlanStatus.SUBMITTED, PlanStatus.AGREED}, PlanStatus.CHANGES_REQUESTED, "leader"),
    "comment": (set(PlanStatus.values), None, "either"),
    "close": ({PlanStatus.AGREED}, PlanStatus.CLOSED, "owner"),
    "reopen": ({PlanStatus.SUBMITTED}, PlanStatus.DRAFT, "owner"),
}


def can_lead(user, plan: DevelopmentPlan) -> bool:
    return plan.person_id != user.pk and DevelopmentPlan.objects.led_by(user).filter(pk=plan.pk).exists()


def allowed_actions(user, plan: DevelopmentPlan, *, leads: bool | None = None) -> list[str]:
    leads = can_lead(user, plan) if leads is None else leads
    owner = plan.person_id == user.pk
    actions = []
    for action, (sources, _target, who) in TRANSITIONS.items():
        if plan.status not in sources:
            continue
        if (who == "owner" and owner) or (who == "leader" and leads) or (who == "either" and (owner or leads)):
            actions.append(action)
    return actions


@transaction.atomic
def plan_transition(*, plan: DevelopmentPlan, actor, action: str, comment: str = "", reflection: str = "") -> PlanEvent:
    plan = DevelopmentPlan.objects.select_for_update().get(pk=plan.pk)
    if action not in allowed_actions(actor, plan):
        raise PermissionDenied
    _sources, target, _who = TRANSITIONS[action]
    comment = comment.strip()
    if action in ("request_changes", "comment") and not comment:
        raise ValidationError(_("Write a comment so the teacher knows what to change."))
    if action == "submit" and not plan.goals.exists():
        raise ValidationError(_("Add at least one learning goal before you submit the plan."))
    if action == "close":
        if not reflection.strip():
            raise ValidationError(_("Write a short reflection on the year before you close the plan."))
        plan.reflection = reflection.strip()
    from_status = plan.status
    if target is not None:
        plan.status = target
    plan.save()
    return PlanEvent.objects.create(
        plan=plan, actor=actor, from_status=from_status, to_status=plan.status, comment=comment
    )


# Progress --------------------------------------------------------------------------------


@dataclass
class Progress:
    done: Decimal
    target: Decimal

    @property
    def percent(self) -> int:
        if not self.target:
            return 100 if self.done else 0
        return min(100, int(self.done * 100 / self.target))


def hours_done_for_plans(plans) -> dict[int, Decimal]:
    """Hours done per plan id, in two queries whatever the number of plans."""
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
        done[plan.pk] = row.get(f"y{years.index(plan.school_year)}") or Decimal("0")
    # Entries linked to a goal but dated outside the plan's year count too.
    linked = PortfolioEntry.goals.through.objects.filter(learninggoal__plan__in=[p.pk for p in plans]).values(
        "learninggoal__plan_id", "portfolioentry_id", "portfolioentry__date", "portfolioentry__hours"
    )
    by_id = {p.pk: p for p in plans}
    seen = set()
    for row in linked:
        plan = by_id[row["learninggoal__plan_id"]]
        key = (plan.pk, row["portfolioentry_id"])
        start, end = school_year_bounds(plan.school_year)
        if key in seen or start <= row["portfolioentry__date"] <= end:
            continue
        seen.add(key)
        done[plan.pk] += row["portfolioentry__hours"]
    return done


def budget_spent(plan: DevelopmentPlan, period_years: int) -> tuple[Decimal, Decimal]:
    """(spent in the budget period, planned in this plan): costs of done activities count as spent."""
    years = previous_school_years(plan.school_year, period_years)
    spent = PlannedActivity.objects.filter(
        goal__plan__person_id=plan.person_id, goal__plan__school_year__in=years, completed=True
    ).aggregate(total=Sum("cost"))["total"] or Decimal("0")
    planned = PlannedActivity.objects.filter(goal__plan=plan).aggregate(total=Sum("cost"))["total"] or Decimal("0")
    return spent, planned


def plan_progress(plan: DevelopmentPlan) -> dict:
    defaults = DossierSettings.load()
    hours = Progress(hours_done_for_plans([plan])[plan.pk], Decimal(plan.hours_target))
    spent, planned = budget_spent(plan, defaults.budget_period_years)
    return {
        "hours": hours,
        "budget": Progress(spent, plan.budget),
        "planned_cost": planned,
        "budget_period_years": defaults.budget_period_years,
    }
