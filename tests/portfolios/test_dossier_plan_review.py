"""Plans always reach an approver; everyone hears about each step; reviewers see shared evidence."""

import re

from django.core import mail
from django.urls import reverse

from community.models import Role
from portfolios.models import PlanNotice, PlanStatus, SchoolPlanApprover
from portfolios.services.plan_review import plan_approvers
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory, TeamFactory
from tests.portfolios.factories_dossier import (
    ActivityFactory,
    EntryFactory,
    GoalFactory,
    PlanFactory,
)


def _step(client, plan, action, **data):
    return client.post(reverse("portfolios:plan_transition", kwargs={"pk": plan.pk}), {"action": action, **data})


def _teacher_at(school, team=None, role=Role.TEACHER):
    person = PersonFactory()
    MembershipFactory(person=person, organisation=school, role=role, team=team, profiles=["PIE"])
    return person


def test_without_a_team_leader_the_plan_goes_to_the_schools_team_leaders_then_hr(login, db):
    school = OrganisationFactory(name="Vakcollege Noord")
    lonely_team = TeamFactory(organisation=school, name="Installatie")
    teacher = _teacher_at(school, lonely_team)
    hr = PersonFactory(first_name="Hanneke", last_name="Hoek")
    MembershipFactory(person=hr, organisation=school, role=Role.HR)
    plan = PlanFactory(person=teacher)
    GoalFactory(plan=plan)

    assert plan_approvers(plan) == ([hr], "hr")
    page = login(teacher).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    assert "Je plan gaat naar" in page and "Hanneke Hoek" in page and "P&O van je school" in page

    other_leader = PersonFactory(first_name="Ton", last_name="Leider")
    MembershipFactory(person=other_leader, organisation=school, role=Role.TEAM_LEADER,
                      team=TeamFactory(organisation=school, name="Bouw"))
    assert plan_approvers(plan) == ([other_leader], "school")

    SchoolPlanApprover.objects.create(school=school, approver=hr)
    assert plan_approvers(plan) == ([other_leader], "school"), "a team leader still comes before the named approver"

    _step(login(teacher), plan, "submit")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and list(plan.reviewers.all()) == [other_leader]
    # The school's team leader now sees, opens and agrees the plan.
    leader = login(other_leader)
    assert teacher.get_full_name() in leader.get(reverse("portfolios:team_plans")).content.decode()
    assert _step(leader, plan, "agree").status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED


def test_hr_as_fallback_approver_can_open_and_agree(login, db):
    school = OrganisationFactory(name="Vakcollege Zuid")
    teacher = _teacher_at(school)
    hr = PersonFactory()
    MembershipFactory(person=hr, organisation=school, role=Role.HR)
    plan = PlanFactory(person=teacher)
    GoalFactory(plan=plan, title="Lassen leren")
    _step(login(teacher), plan, "submit")
    client = login(hr)
    assert "Lassen leren" in client.get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    _step(client, plan, "agree")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED


def test_with_nobody_to_agree_the_plan_stays_a_draft_and_says_why(login, db):
    school = OrganisationFactory(name="Eenmansschool")
    teacher = _teacher_at(school)
    plan = PlanFactory(person=teacher)
    GoalFactory(plan=plan)
    response = _step(login(teacher), plan, "submit")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    page = login(teacher).get(response["Location"]).content.decode()
    assert "kan nog niemand akkoord geven" in page


def test_submit_send_back_and_agree_notify_by_email_and_in_the_app(
    login, teacher, team_leader, django_capture_on_commit_callbacks
):
    plan = PlanFactory(person=teacher)
    GoalFactory(plan=plan)

    def _step(client, plan, action, **data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("portfolios:plan_transition", kwargs={"pk": plan.pk}), {"action": action, **data})

    _step(login(teacher), plan, "submit")
    assert [m.to for m in mail.outbox] == [[team_leader.email]]
    assert "Sanne de Vries" in mail.outbox[0].subject
    dashboard = login(team_leader).get(reverse("dashboard")).content.decode()
    assert "Plan ingediend" in dashboard

    _step(login(team_leader), plan, "request_changes", comment="Maak leerdoel 2 concreter, graag met data.")
    assert mail.outbox[-1].to == [teacher.email] and "teruggestuurd" in mail.outbox[-1].subject
    assert "Maak leerdoel 2 concreter" in mail.outbox[-1].body
    page = login(teacher).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    # The reason sits at the top: before the progress and the goals.
    assert page.index("Maak leerdoel 2 concreter") < page.index("Leerdoelen")
    assert "heeft het plan teruggestuurd" in page

    _step(login(teacher), plan, "submit")
    _step(login(team_leader), plan, "agree")
    assert mail.outbox[-1].to == [teacher.email] and "Akkoord" in mail.outbox[-1].subject
    assert PlanNotice.objects.filter(recipient=teacher, kind="agreed").exists()


def test_goal_count_is_right_with_several_activities_per_goal(login, teacher, team_leader):
    plan = PlanFactory(person=teacher, status=PlanStatus.SUBMITTED)
    for _ in range(3):
        goal = GoalFactory(plan=plan)
        for _ in range(3):
            ActivityFactory(goal=goal)
    page = login(team_leader).get(reverse("portfolios:team_plans")).content.decode()
    row = re.search(r"Sanne de Vries.*?</tr>", page, re.S).group(0)
    assert re.search(r'class="num">3</td>', row), row


def test_reviewer_sees_evidence_shared_with_them_and_nothing_else(login, teacher, team_leader):
    plan = PlanFactory(person=teacher, status=PlanStatus.SUBMITTED)
    goal = GoalFactory(plan=plan)
    shared = EntryFactory(owner=teacher, title="Gedeeld lasverslag", shared_with_team_leader=True)
    private = EntryFactory(owner=teacher, title="Privé dagboek")
    shared.goals.add(goal)
    private.goals.add(goal)
    page = login(team_leader).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    assert "Gedeeld lasverslag" in page and reverse("portfolios:entry_detail", kwargs={"pk": shared.pk}) in page
    assert "Privé dagboek" not in page


def test_trainees_without_a_plan_are_not_listed_as_missing(login, team_leader, team, school, teacher):
    trainee = _teacher_at(school, team, role=Role.TRAINEE)
    page = login(team_leader).get(reverse("portfolios:team_plans")).content.decode()
    assert teacher.get_full_name() in page
    assert trainee.get_full_name() not in page


def test_hub_staff_name_a_schools_approver_in_the_admin(login, hub_staff, teacher):
    url = reverse("plan_approvers:add")
    assert login(hub_staff).get(url).status_code == 200
    assert login(teacher).get(url).status_code in (302, 403)
