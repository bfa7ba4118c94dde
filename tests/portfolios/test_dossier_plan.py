"""Development plan: drafted from the inventory, the workflow and its history, who sees what, progress."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Role
from portfolios.models import DevelopmentPlan, DossierSettings, EntryKind, PlanEvent, PlanStatus
from portfolios.services import record_evidence
from portfolios.services.dossier import hours_done_for_plans, plan_create, school_year_of
from tests.factories import MembershipFactory, PersonFactory, TeamFactory, profile
from tests.portfolios.factories_dossier import (
    ActivityFactory,
    EntryFactory,
    GoalFactory,
    PlanFactory,
    ResponseFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


def _step(client, plan, action, **data):
    return client.post(reverse("portfolios:plan_transition", kwargs={"pk": plan.pk}), {"action": action, **data})


def test_plan_is_drafted_from_the_inventory_answers(login, teacher):
    DossierSettings.objects.create(hours_target=60, budget=Decimal("1200"))
    response = ResponseFactory(round=RoundFactory(school_year=school_year_of()), person=teacher, submitted_at=timezone.now())
    response.upskilling_profiles.set([profile("D&P")])
    response.deepening_profiles.set([profile("BWI")])
    login(teacher).post(reverse("portfolios:plan_create"))
    plan = DevelopmentPlan.objects.get(person=teacher)
    titles = list(plan.goals.values_list("title", flat=True))
    assert "Bijscholing voor volledige bevoegdheid in D&P" in titles
    assert "Verdieping of verbreding in BWI" in titles
    assert (plan.hours_target, plan.budget) == (60, Decimal("1200"))
    assert plan.inventory_response == response


def test_workflow_submit_agree_close_with_history(login, teacher, team_leader):
    plan = PlanFactory(person=teacher)
    GoalFactory(plan=plan)
    me = login(teacher)
    _step(me, plan, "submit")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    leader = login(team_leader)
    assert "Akkoord geven" in leader.get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    _step(leader, plan, "agree", comment="Mooi plan")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    me = login(teacher)
    _step(me, plan, "close")  # no reflection: refused
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    _step(me, plan, "close", reflection="Ik heb veel geleerd.")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED and plan.reflection == "Ik heb veel geleerd."
    history = list(PlanEvent.objects.filter(plan=plan).values_list("from_status", "to_status", "actor", "comment"))
    assert history == [
        ("draft", "submitted", teacher.pk, ""),
        ("submitted", "agreed", team_leader.pk, "Mooi plan"),
        ("agreed", "closed", teacher.pk, ""),
    ]
    page = login(teacher).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    assert "Mooi plan" in page and "Ik heb veel geleerd." in page


def test_asking_for_changes_needs_a_comment_and_reopens_editing(login, teacher, team_leader):
    plan = PlanFactory(person=teacher, status=PlanStatus.SUBMITTED)
    goal = GoalFactory(plan=plan)
    leader = login(team_leader)
    _step(leader, plan, "request_changes")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    _step(leader, plan, "request_changes", comment="Maak het doel meetbaar")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHANGES_REQUESTED
    response = login(teacher).post(reverse("portfolios:goal_edit", kwargs={"pk": goal.pk}), {"title": "Meetbaar doel", "status": "open"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Meetbaar doel"


def test_teacher_cannot_agree_own_plan_and_others_cannot_step(login, teacher, colleague, hr, hub_staff, team_leader):
    plan = PlanFactory(person=teacher, status=PlanStatus.SUBMITTED)
    assert _step(login(teacher), plan, "agree").status_code == 403
    for person in (colleague, hr, hub_staff):
        assert _step(login(person), plan, "agree").status_code == 404
    other_leader = PersonFactory()
    MembershipFactory(person=other_leader, organisation=team_leader.memberships.first().organisation,
                      role=Role.TEAM_LEADER, team=TeamFactory(organisation=team_leader.memberships.first().organisation, name="Zorg"))
    assert _step(login(other_leader), plan, "agree").status_code == 404
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_team_leader_sees_own_team_only_and_no_drafts(login, team_leader, teacher, colleague, other_teacher):
    PlanFactory(person=teacher, status=PlanStatus.SUBMITTED)
    draft = PlanFactory(person=colleague, status=PlanStatus.DRAFT)
    GoalFactory(plan=draft, title="Geheim conceptdoel")
    PlanFactory(person=other_teacher, status=PlanStatus.SUBMITTED)
    page = login(team_leader).get(reverse("portfolios:team_plans")).content.decode()
    assert teacher.get_full_name() in page and colleague.get_full_name() in page
    assert other_teacher.get_full_name() not in page
    assert "Geheim conceptdoel" not in page
    assert login(team_leader).get(reverse("portfolios:plan_detail", kwargs={"pk": draft.pk})).status_code == 404


def test_hr_sees_status_only(login, hr, other_hr, teacher):
    plan = PlanFactory(person=teacher, status=PlanStatus.AGREED)
    GoalFactory(plan=plan, title="Persoonlijk leerdoel")
    page = login(hr).get(reverse("portfolios:school_plans")).content.decode()
    assert teacher.get_full_name() in page and "Akkoord" in page
    assert "Persoonlijk leerdoel" not in page
    assert login(hr).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).status_code == 404
    assert teacher.get_full_name() not in login(other_hr).get(reverse("portfolios:school_plans")).content.decode()


def test_recorded_evidence_counts_toward_hours_once(teacher):
    plan = PlanFactory(person=teacher)
    start = date(int(plan.school_year[:4]), 9, 10)
    for _ in range(2):
        record_evidence(person=teacher, source_key="courses.registration:7", kind=EntryKind.STUDY_DAY_ATTENDANCE,
                        title="Studiedag", date=start, hours=6, text="<script>x()</script><p>Aanwezig</p>")
    assert teacher.portfolio_entries.count() == 1
    assert "<script>" not in teacher.portfolio_entries.get().text
    # Linked to a goal of the plan but dated before the school year: counts as well.
    goal = GoalFactory(plan=plan)
    early = EntryFactory(owner=teacher, date=date(int(plan.school_year[:4]) - 1, 6, 1), hours=Decimal("3"))
    early.goals.add(goal)
    EntryFactory(owner=teacher, date=date(int(plan.school_year[:4]) - 2, 1, 1), hours=Decimal("50"))  # unrelated
    assert hours_done_for_plans([plan])[plan.pk] == Decimal("9")


def test_budget_progress_counts_done_activities_over_the_period(login, teacher):
    plan = PlanFactory(person=teacher)
    ActivityFactory(goal=GoalFactory(plan=plan), cost=Decimal("300"), completed=True)
    ActivityFactory(goal=GoalFactory(plan=plan), cost=Decimal("200"), completed=False)
    earlier_year = f"{int(plan.school_year[:4]) - 1}-{int(plan.school_year[:4])}"
    ActivityFactory(goal=GoalFactory(plan=PlanFactory(person=teacher, school_year=earlier_year)), cost=Decimal("100"), completed=True)
    page = login(teacher).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    facts = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Besteed € 400,00" in facts.replace("\xa0", " ")
    assert "Gepland, nog niet gedaan € 200,00" in facts.replace("\xa0", " ")
    assert "Resterend € 400,00" in facts.replace("\xa0", " ")
    assert "Boven budget" not in page


def test_plan_create_is_idempotent(teacher):
    assert plan_create(person=teacher) == plan_create(person=teacher)
    assert DevelopmentPlan.objects.filter(person=teacher).count() == 1


def test_team_plans_run_a_fixed_number_of_queries(login, team_leader, team, school, django_assert_max_num_queries):
    def add_members(n):
        for _ in range(n):
            person = PersonFactory()
            MembershipFactory(person=person, organisation=school, team=team, profiles=["PIE"])
            plan = PlanFactory(person=person, status=PlanStatus.SUBMITTED)
            ActivityFactory(goal=GoalFactory(plan=plan))
            EntryFactory(owner=person)

    client = login(team_leader)
    add_members(2)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("portfolios:team_plans")).status_code == 200
    add_members(15)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("portfolios:team_plans")).status_code == 200


def test_school_plans_paginate_with_fixed_queries(login, hr, school, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            person = PersonFactory()
            MembershipFactory(person=person, organisation=school, profiles=["BWI"])
            PlanFactory(person=person, status=PlanStatus.AGREED)

    client = login(hr)
    add(2)
    with django_assert_max_num_queries(12):
        client.get(reverse("portfolios:school_plans"))
    add(30)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("portfolios:school_plans")).content.decode()
    assert "Pagina 1 van 2" in page
