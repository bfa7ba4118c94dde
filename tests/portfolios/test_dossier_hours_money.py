"""One source of hours and money; Dutch formatting everywhere."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from community.formatting import hours, money, number
from portfolios.models import ActivityForm, EntryKind
from portfolios.services import EvidenceFile, record_evidence
from portfolios.services.progress import budget_for, hours_done_for_plans
from tests.portfolios.factories_dossier import (
    ActivityFactory,
    EntryFactory,
    GoalFactory,
    PlanFactory,
)


def test_dutch_formatting():
    assert money(Decimal("1000")) == "€\xa01.000,00"
    assert money(95) == "€\xa095,00"
    assert money(Decimal("1234567.5")) == "€\xa01.234.567,50"
    assert hours(Decimal("24.00")) == "24 uur"
    assert hours(Decimal("12.5")) == "12,5 uur"
    assert number(Decimal("1200")) == "1.200"


def test_an_activity_marked_done_counts_its_hours(teacher):
    plan = PlanFactory(person=teacher, hours_target=80)
    ActivityFactory(goal=GoalFactory(plan=plan), planned_hours=Decimal("120"), completed=True)
    assert hours_done_for_plans([plan])[plan.pk] == Decimal("120")


def test_done_activity_and_recorded_evidence_count_once(teacher):
    plan = PlanFactory(person=teacher)
    activity = ActivityFactory(goal=GoalFactory(plan=plan), form=ActivityForm.COURSE, planned_hours=Decimal("120"),
                               completed=True)
    day = date(int(plan.school_year[:4]), 11, 1)
    entry = record_evidence(person=teacher, source_key="courses.enrolment:1", kind=EntryKind.COURSE_COMPLETION,
                            title="Lassen", date=day, hours=118)
    activity.refresh_from_db()
    assert activity.evidence == entry and activity.completed
    assert hours_done_for_plans([plan])[plan.pk] == Decimal("118")


def test_ticking_off_after_the_evidence_links_it(login, teacher):
    plan = PlanFactory(person=teacher, status="agreed")
    activity = ActivityFactory(goal=GoalFactory(plan=plan), form=ActivityForm.STUDY_DAY, planned_hours=Decimal("6"))
    ActivityFactory(goal=activity.goal, form=ActivityForm.STUDY_DAY, planned_hours=Decimal("6"))  # two: no guess
    day = date(int(plan.school_year[:4]), 10, 1)
    entry = record_evidence(person=teacher, source_key="courses.registration:9", kind=EntryKind.STUDY_DAY_ATTENDANCE,
                            title="Studiedag", date=day, hours=6)
    activity.refresh_from_db()
    assert activity.evidence is None
    login(teacher).post(reverse("portfolios:activity_edit", kwargs={"pk": activity.pk}), {"completed": "on"})
    activity.refresh_from_db()
    assert activity.completed and activity.evidence == entry
    assert hours_done_for_plans([plan])[plan.pk] == Decimal("6")


def test_budget_shows_spent_planned_remaining_and_warns_when_over(login, teacher):
    plan = PlanFactory(person=teacher, budget=Decimal("1000"))
    goal = GoalFactory(plan=plan)
    client = login(teacher)
    response = client.post(reverse("portfolios:activity_create", kwargs={"pk": goal.pk}), {
        "form": ActivityForm.COURSE, "description": "Lascursus", "planned_hours": "40", "cost": "1500",
    }, follow=True)
    page = response.content.decode().replace("\xa0", " ")
    assert "Boven budget" in page and "€ 500,00 meer dan het budget van € 1.000,00" in page
    budget = budget_for(plan)
    assert (budget.spent, budget.planned, budget.remaining, budget.over) == (0, 1500, -500, True)
    assert 'class="progress over"' in page
    activity = goal.activities.get()
    page = client.post(reverse("portfolios:activity_edit", kwargs={"pk": activity.pk}), {
        "form": ActivityForm.COURSE, "description": "Lascursus", "planned_hours": "40", "cost": "1500",
        "completed": "on",
    }, follow=True).content.decode()
    assert "Boven budget" in page


def test_pages_write_money_and_hours_the_dutch_way(login, teacher):
    plan = PlanFactory(person=teacher)
    ActivityFactory(goal=GoalFactory(plan=plan), planned_hours=Decimal("12.5"), cost=Decimal("1000"))
    EntryFactory(owner=teacher, hours=Decimal("24"))
    client = login(teacher)
    page = client.get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).content.decode()
    assert "€\xa01.000,00" in page and "12,5 uur" in page and "EUR" not in page
    assert "24 uur" in client.get(reverse("portfolios:portfolio")).content.decode()
    assert "EUR" not in client.get(reverse("dashboard")).content.decode()


def test_record_evidence_attaches_documents_and_replaces_them(teacher):
    kwargs = {"person": teacher, "source_key": "courses.enrolment:5", "kind": EntryKind.COURSE_COMPLETION,
              "title": "Didactiek", "date": date(2026, 9, 1)}
    entry = record_evidence(**kwargs, files=[EvidenceFile(name="certificaat.pdf", content=b"%PDF-1.4 a")])
    entry = record_evidence(**kwargs, files=[EvidenceFile(name="certificaat.pdf", content=b"%PDF-1.4 b")])
    attachment = entry.attachments.get()
    assert attachment.generated and attachment.file.open("rb").read() == b"%PDF-1.4 b"
