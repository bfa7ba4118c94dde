"""Needs inventory and development plan pages (teacher, team leader, HR, hub)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.confirm import confirm_step, confirmed
from community.models import Membership, Role
from community.permissions import hr_school_ids, led_team_ids

from .. import dossier_permissions as perms
from ..forms.dossier import GoalForm, PlannedActivityForm, TransitionForm
from ..models import (
    DevelopmentPlan,
    PlanStatus,
    PortfolioEntry,
)
from ..reports import dossier as reports
from ..services import dossier as services
from ..services import plan_review

PAGE_SIZE = 25


def _data(request):
    """The POST data when posted (even if empty: unticking every box is an answer), else None."""
    return request.POST if request.method == "POST" else None


def _bound(request):
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


# Development plan ------------------------------------------------------------------------


@login_required
def plan_list(request):
    plans = list(DevelopmentPlan.objects.filter(person=request.user).annotate(goal_count=Count("goals")))
    done = services.hours_done_for_plans(plans)
    for plan in plans:
        plan.hours = services.Progress(done[plan.pk], plan.hours_target)
    current_year = services.school_year_of()
    return render(
        request,
        "portfolios/dossier/plan_list.html",
        {
            "plans": plans,
            "current_year": current_year,
            "has_current": any(p.school_year == current_year for p in plans),
        },
    )


@login_required
@require_POST
def plan_create(request):
    plan = services.plan_create(person=request.user)
    messages.success(request, _("Your development plan for %(year)s is ready to fill in.") % {"year": plan.school_year})
    return redirect("portfolios:plan_detail", pk=plan.pk)


@login_required
def plan_detail(request, pk):
    plan = perms.plan_for_viewer(request.user, pk)
    goals = list(
        plan.goals.select_related("profile").prefetch_related(
            "activities", Prefetch("entries", queryset=PortfolioEntry.objects.order_by("-date"))
        )
    )
    events = list(plan.events.select_related("actor"))
    is_owner = plan.person_id == request.user.pk
    actions = services.allowed_actions(request.user, plan, leads=not is_owner and services.can_lead(request.user, plan))
    # A reviewer sees the evidence the teacher shared with them; the teacher sees all of it.
    visible_entries = None if is_owner else set(
        PortfolioEntry.objects.visible_to(request.user).filter(owner=plan.person).values_list("pk", flat=True)
    )
    for goal in goals:
        goal.visible_entries = [e for e in goal.entries.all() if visible_entries is None or e.pk in visible_entries]
    sent_back = None
    if plan.status == PlanStatus.CHANGES_REQUESTED:
        sent_back = next((e for e in reversed(events) if e.to_status == PlanStatus.CHANGES_REQUESTED), None)
    approvers, approver_source = ([], "")
    if "submit" in actions:
        approvers, approver_source = plan_review.plan_approvers(plan)
    plan_review.mark_read(user=request.user, plan=plan)
    return render(
        request,
        "portfolios/dossier/plan_detail.html",
        {
            "plan": plan,
            "goals": goals,
            "events": events,
            "progress": services.plan_progress(plan),
            "is_owner": is_owner,
            "actions": actions,
            "form": TransitionForm(),
            "sent_back": sent_back,
            "approvers": approvers,
            "approver_source": approver_source,
            "reviewers": list(plan.reviewers.all()) if plan.status != PlanStatus.DRAFT else [],
        },
    )


@login_required
@require_POST
def plan_transition(request, pk):
    plan = perms.plan_for_viewer(request.user, pk)
    form = TransitionForm(request.POST)
    form.is_valid()
    action = request.POST.get("action", "")
    if action not in services.TRANSITIONS:
        raise PermissionDenied
    try:
        services.plan_transition(
            plan=plan,
            actor=request.user,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
            reflection=form.cleaned_data.get("reflection", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, TRANSITION_MESSAGES[action])
    return redirect("portfolios:plan_detail", pk=plan.pk)


TRANSITION_MESSAGES = {
    "submit": gettext_lazy("Your plan has been sent. They get an email and a notice."),
    "agree": gettext_lazy("You agreed the plan."),
    "request_changes": gettext_lazy("Your request for changes has been sent."),
    "comment": gettext_lazy("Your comment has been added."),
    "close": gettext_lazy("The plan is closed. Well done!"),
    "reopen": gettext_lazy("Your plan is a draft again."),
}


def _editable_plan(user, pk):
    plan = perms.own_plan(user, pk)
    if not plan.is_editable:
        raise PermissionDenied
    return plan


@login_required
def goal_create(request, pk):
    plan = _editable_plan(request.user, pk)
    form = GoalForm(_data(request))
    if request.method == "POST" and form.is_valid():
        goal = form.save(commit=False)
        goal.plan = plan
        goal.save()
        messages.success(request, _("Learning goal added."))
        return redirect(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk}) + f"#goal-{goal.pk}")
    return render(request, "portfolios/dossier/goal_form.html", {"plan": plan, "form": form})


@login_required
def goal_edit(request, pk):
    goal = perms.own_goal(request.user, pk)
    # Progress (status) may be updated after the plan is agreed; the goal itself only while editable.
    form = GoalForm(_data(request), instance=goal)
    if not goal.plan.is_editable:
        for name in form.fields:
            if name != "status":
                form.fields[name].disabled = True
    if goal.plan.status == PlanStatus.CLOSED:
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Learning goal saved."))
        return redirect(reverse("portfolios:plan_detail", kwargs={"pk": goal.plan_id}) + f"#goal-{goal.pk}")
    return render(request, "portfolios/dossier/goal_form.html", {"plan": goal.plan, "goal": goal, "form": form})


@login_required
@require_POST
def goal_delete(request, pk):
    goal = perms.own_goal(request.user, pk)
    if not goal.plan.is_editable:
        raise PermissionDenied
    if not confirmed(request):
        return confirm_step(
            request,
            title=_("Remove this learning goal?"),
            question=_("“%(goal)s” and its planned activities will be removed from your plan.") % {"goal": goal.title},
            button=_("Yes, remove the goal"),
            cancel_url=reverse("portfolios:plan_detail", kwargs={"pk": goal.plan_id}) + f"#goal-{goal.pk}",
        )
    goal.delete()
    messages.success(request, _("Learning goal removed."))
    return redirect("portfolios:plan_detail", pk=goal.plan_id)


@login_required
def activity_create(request, pk):
    goal = perms.own_goal(request.user, pk)
    if not goal.plan.is_editable:
        raise PermissionDenied
    form = PlannedActivityForm(_data(request), owner=request.user)
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.goal = goal
        services.activity_save(activity=activity)
        messages.success(request, _("Activity added."))
        _budget_warning(request, goal.plan)
        return redirect(reverse("portfolios:plan_detail", kwargs={"pk": goal.plan_id}) + f"#goal-{goal.pk}")
    return render(
        request,
        "portfolios/dossier/activity_form.html",
        {"goal": goal, "plan": goal.plan, "form": form, "budget": services.budget_for(goal.plan), "is_owner": True},
    )


def _budget_warning(request, plan):
    from community.formatting import money

    budget = services.budget_for(plan)
    if budget.over:
        messages.warning(
            request,
            _("Over budget: spent and planned together are %(over)s more than the budget of %(budget)s.")
            % {"over": money(budget.overrun), "budget": money(budget.budget)},
        )


@login_required
def activity_edit(request, pk):
    activity = perms.own_activity(request.user, pk)
    plan = activity.goal.plan
    if plan.status == PlanStatus.CLOSED:
        raise PermissionDenied
    form = PlannedActivityForm(_data(request), instance=activity, owner=request.user)
    if not plan.is_editable:
        # After agreement the teacher only ticks activities off (and links the evidence).
        for name in form.fields:
            if name not in ("completed", "evidence"):
                form.fields[name].disabled = True
    if request.method == "POST" and form.is_valid():
        services.activity_save(activity=form.save(commit=False))
        messages.success(request, _("Activity saved."))
        _budget_warning(request, plan)
        return redirect(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk}) + f"#goal-{activity.goal_id}")
    return render(
        request,
        "portfolios/dossier/activity_form.html",
        {
            "goal": activity.goal, "plan": plan, "activity": activity, "form": form,
            "budget": services.budget_for(plan), "is_owner": True,
        },
    )


@login_required
@require_POST
def activity_delete(request, pk):
    activity = perms.own_activity(request.user, pk)
    if not activity.goal.plan.is_editable:
        raise PermissionDenied
    if not confirmed(request):
        return confirm_step(
            request,
            title=_("Remove this activity?"),
            question=_("“%(activity)s” will be removed from your plan.") % {"activity": activity.description},
            button=_("Yes, remove the activity"),
            cancel_url=reverse("portfolios:activity_edit", kwargs={"pk": activity.pk}),
        )
    activity.delete()
    messages.success(request, _("Activity removed."))
    return redirect("portfolios:plan_detail", pk=activity.goal.plan_id)


def _team_members(team_ids, on=None):
    """Teachers of these teams (trainees have no plan duty: they appear only with a plan)."""
    return (
        Membership.objects.active(on)
        .filter(team_id__in=team_ids, role__in=[Role.TEACHER, Role.TRAINEE])
        .select_related("person", "team")
        .order_by("person__sort_name")
    )


@login_required
def team_plans(request):
    """Plans to review: the teams this person leads, and any plan sent to them."""
    teams = led_team_ids(request.user)
    school_year = request.GET.get("year") or services.school_year_of()
    sent_to_me = DevelopmentPlan.objects.filter(reviewers=request.user, school_year=school_year).exclude(
        person=request.user
    )
    if not teams and not DevelopmentPlan.objects.filter(reviewers=request.user).exists():
        raise PermissionDenied
    members = [m for m in _team_members(teams) if m.person_id != request.user.pk] if teams else []
    plan_ids = set(sent_to_me.values_list("pk", flat=True))
    plans = {
        p.person_id: p
        for p in DevelopmentPlan.objects.filter(
            Q(person_id__in=[m.person_id for m in members]) | Q(pk__in=plan_ids), school_year=school_year
        )
        .select_related("person")
        # distinct: the activities' join would otherwise multiply the goals.
        .annotate(goal_count=Count("goals", distinct=True), planned_hours=Sum("goals__activities__planned_hours"))
    }
    done = services.hours_done_for_plans(plans.values())
    rows = []
    seen = set()
    for m in members:
        plan = plans.get(m.person_id)
        if m.person_id in seen or (m.role == Role.TRAINEE and plan is None):
            continue
        seen.add(m.person_id)
        rows.append((m.person, m.team.name if m.team else "", plan))
    for plan in plans.values():
        if plan.person_id not in seen and plan.pk in plan_ids:
            seen.add(plan.person_id)
            rows.append((plan.person, _("Sent to you"), plan))
    for _person, _team, plan in rows:
        if plan:
            plan.hours = services.Progress(done[plan.pk], plan.hours_target)
    order = {PlanStatus.SUBMITTED: 0, PlanStatus.CHANGES_REQUESTED: 1, PlanStatus.DRAFT: 2, PlanStatus.AGREED: 3, PlanStatus.CLOSED: 4}
    rows.sort(key=lambda r: order.get(r[2].status, 5) if r[2] else 5)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portfolios/dossier/team_plans.html",
        {"page_obj": page, "school_year": school_year, "to_agree": sum(1 for _p, _t, p in rows if p and p.status == PlanStatus.SUBMITTED)},
    )


@login_required
def school_plans(request):
    """HR: each technical teacher's plan status for its school, and nothing more."""
    schools = hr_school_ids(request.user)
    if not schools:
        raise PermissionDenied
    school_year = services.school_year_of()
    memberships = (
        services.technical_teacher_memberships()
        .filter(organisation_id__in=schools)
        .select_related("person", "organisation")
        .order_by("person__sort_name")
    )
    status_filter = request.GET.get("status", "")
    statuses = dict(
        DevelopmentPlan.objects.status_visible_to(request.user)
        .filter(school_year=school_year)
        .values_list("person_id", "status")
    )
    rows = [(m, statuses.get(m.person_id)) for m in memberships]
    if status_filter == "none":
        rows = [r for r in rows if r[1] is None]
    elif status_filter in PlanStatus.values:
        rows = [r for r in rows if r[1] == status_filter]
    labels = dict(PlanStatus.choices)
    page = Paginator([(m, s, labels.get(s)) for m, s in rows], PAGE_SIZE).get_page(request.GET.get("page"))
    counts = reports.plan_status_counts(schools, school_year)
    return render(
        request,
        "portfolios/dossier/school_plans.html",
        {
            "page_obj": page,
            "school_year": school_year,
            "counts": [(labels.get(k, _("No plan yet")), k, v) for k, v in counts.items()],
            "status_filter": status_filter,
        },
    )

