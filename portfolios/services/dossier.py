"""Needs inventory and development plan: the write paths and the small reads they share.

Hours and money of a plan: services.progress (the one place that counts them).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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


def open_rounds(on: date | None = None) -> list[NeedsInventoryRound]:
    """Every open round, soonest deadline first (overlaps are refused, but old data may have them)."""
    return list(NeedsInventoryRound.objects.open_on(on).order_by("deadline", "pk"))


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
    from .plan_review import notify, plan_approvers

    approvers = []
    if action == "submit":
        approvers, _why = plan_approvers(plan)
        if not approvers:
            raise ValidationError(
                _("Nobody at your school can agree plans yet: there is no team leader or HR. Ask your school to name one.")
            )
    from_status = plan.status
    if target is not None:
        plan.status = target
    plan.save()
    event = PlanEvent.objects.create(
        plan=plan, actor=actor, from_status=from_status, to_status=plan.status, comment=comment
    )
    if action == "submit":
        plan.reviewers.set(approvers)
        notify(plan=plan, kind="submitted", actor=actor, recipients=approvers)
    elif action == "request_changes":
        notify(plan=plan, kind="sent_back", actor=actor, recipients=[plan.person])
    elif action == "agree":
        notify(plan=plan, kind="agreed", actor=actor, recipients=[plan.person])
    return event


@transaction.atomic
def activity_save(*, activity: PlannedActivity) -> PlannedActivity:
    """Save a planned activity; done with evidence, or matched to the one recorded entry of its kind.

    Ticking an activity off when its evidence is already in the portfolio (e.g. the course
    recorded its completion) links the two, so the hours count once.
    """
    from .evidence import ACTIVITY_FOR_KIND

    if activity.evidence_id:
        activity.completed = True
    elif activity.completed:
        kinds = [kind for kind, form in ACTIVITY_FOR_KIND.items() if form == activity.form]
        start, end = school_year_bounds(activity.goal.plan.school_year)
        found = list(
            PortfolioEntry.objects.filter(
                owner_id=activity.goal.plan.person_id, kind__in=kinds, date__gte=start, date__lte=end,
                plan_activity__isnull=True,
            ).exclude(source_key="")[:2]
        )
        if len(found) == 1:
            activity.evidence = found[0]
    activity.save()
    if activity.evidence_id:
        activity.evidence.goals.add(activity.goal_id)
    return activity


# Progress: see services.progress (re-exported here for existing callers) ------------------

from .progress import (  # noqa: E402, F401
    Budget,
    Progress,
    budget_for,
    budget_spent,
    hours_done_for_plans,
    plan_progress,
    previous_school_years,
)
