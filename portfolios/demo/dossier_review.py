"""Demo data of issue 14: plans that always reach someone, budgets, notices, a certificate in an entry.

- RVC de Hef has no team leader: moderator@ (a teacher there) sees that a plan goes to HR of
  the school; another teacher's plan there has been sent to HR.
- Team Techniek: one submitted plan is over budget, one was sent back with a reason (dossier.py);
  teamleider@ has notices about submitted plans, docent@ about the agreed plan.
- docent@ completed "Cursus differentiëren in het vmbo": the course's evidence carries the
  certificate PDF and finishes the planned course activity (its hours count once).

Idempotent: looked up by fixed emails, titles and source keys.
"""

from datetime import date
from decimal import Decimal

from community.models import Membership, Organisation, Person, Role

from ..models import (
    ActivityForm,
    CompetenceRequirement,
    DevelopmentPlan,
    EntryKind,
    LearningGoal,
    PlanEvent,
    PlannedActivity,
    PlanNotice,
    PlanStatus,
)
from ..services import EvidenceFile, record_evidence

THIS_YEAR = "2026-2027"
HR_DE_HEF = "po.dehef@example.org"


def _certificate_pdf(name: str) -> bytes:
    from .dossier import _pdf

    return _pdf("Certificaat", [
        "TechniekHub Rotterdam Zuid",
        f"{name} heeft de cursus Differentiëren in het vmbo (16 uur) met goed gevolg afgerond.",
        "Certificaatnummer TH-2026-00042, Rotterdam, 28 november 2026.",
    ])


def _goal(plan, title, activities):
    goal, created = LearningGoal.objects.get_or_create(
        plan=plan, title=title,
        defaults={"requirement": CompetenceRequirement.SUBJECT, "status": LearningGoal.Status.IN_PROGRESS},
    )
    if created:
        for form, description, hours, cost in activities:
            PlannedActivity.objects.create(
                goal=goal, form=form, description=description, planned_hours=Decimal(hours), cost=Decimal(cost)
            )
    return goal


def _school_without_team_leader(stdout):
    school = Organisation.objects.filter(name="RVC de Hef").first()
    moderator = Person.objects.filter(email="moderator@example.org").first()
    if school is None or moderator is None:
        return
    hr, created = Person.objects.get_or_create(
        email=HR_DE_HEF, defaults={"first_name": "Fatima", "last_name": "Ouali"}
    )
    if created:
        hr.set_unusable_password()
        hr.save(update_fields=["password"])
    Membership.objects.get_or_create(person=hr, organisation=school, role=Role.HR, defaults={"start_date": date(2019, 8, 1)})
    # moderator@'s draft: the plan page says it will go to HR, because the school has no team leader.
    plan, created = DevelopmentPlan.objects.get_or_create(person=moderator, school_year=THIS_YEAR)
    if created:
        PlanEvent.objects.create(plan=plan, actor=moderator, to_status=PlanStatus.DRAFT)
    _goal(plan, "Elektrisch rijden: hoogvoltage-veiligheid (M&T)", [
        (ActivityForm.COURSE, "Cursus werken aan hoogvoltagesystemen", "16", "495"),
    ])
    # A colleague's plan at the same school, sent to HR and waiting there.
    colleague = (
        Person.objects.filter(
            pk__in=Membership.objects.active().filter(organisation=school, role=Role.TEACHER).values("person_id")
        ).exclude(pk=moderator.pk).order_by("email").first()
    )
    if colleague is None:
        return
    other, created = DevelopmentPlan.objects.get_or_create(
        person=colleague, school_year=THIS_YEAR, defaults={"status": PlanStatus.SUBMITTED}
    )
    if created:
        PlanEvent.objects.create(plan=other, actor=colleague, to_status=PlanStatus.DRAFT)
        PlanEvent.objects.create(plan=other, actor=colleague, from_status=PlanStatus.DRAFT, to_status=PlanStatus.SUBMITTED)
        _goal(other, "Maritieme techniek: scheepsmotoren", [(ActivityForm.INTERNSHIP, "Docentstage op een werf", "24", "0")])
    if other.status == PlanStatus.SUBMITTED and not other.reviewers.exists():
        other.reviewers.set([hr])
        PlanNotice.objects.get_or_create(recipient=hr, plan=other, kind=PlanNotice.Kind.SUBMITTED, defaults={"actor": colleague})


def _team_techniek(docent, leader):
    team_plans = DevelopmentPlan.objects.filter(
        school_year=THIS_YEAR,
        person__in=Membership.objects.active().filter(team__name="Techniek", role=Role.TEACHER).values("person_id"),
    ).exclude(person=docent).order_by("person__email")
    for plan in team_plans.exclude(status=PlanStatus.DRAFT):
        if not plan.reviewers.exists():
            plan.reviewers.set([leader])
    submitted = list(team_plans.filter(status=PlanStatus.SUBMITTED))
    for plan in submitted:
        PlanNotice.objects.get_or_create(
            recipient=leader, plan=plan, kind=PlanNotice.Kind.SUBMITTED, defaults={"actor": plan.person}
        )
    if submitted:
        # Over budget: € 1.500 on top of what is planned, against a budget of € 1.000.
        goal = submitted[-1].goals.order_by("pk").first()
        if goal is not None:
            PlannedActivity.objects.get_or_create(
                goal=goal, description="Masterclass warmtepompen (extern opleidingsinstituut)",
                defaults={"form": ActivityForm.COURSE, "planned_hours": Decimal("24"), "cost": Decimal("1500")},
            )
    mine = DevelopmentPlan.objects.filter(person=docent, school_year=THIS_YEAR, status=PlanStatus.AGREED).first()
    if mine is not None:
        if not mine.reviewers.exists():
            mine.reviewers.set([leader])
        PlanNotice.objects.get_or_create(recipient=docent, plan=mine, kind=PlanNotice.Kind.AGREED, defaults={"actor": leader})


def _certificate_in_entry(docent):
    record_evidence(
        person=docent, source_key="demo.course:differentieren-2026", kind=EntryKind.COURSE_COMPLETION,
        title="Cursus differentiëren in het vmbo", date=date(2026, 11, 28), hours=16,
        text="<p>Afgerond met certificaat TH-2026-00042.</p>",
        files=[EvidenceFile(name="certificaat-TH-2026-00042.pdf", content=_certificate_pdf(docent.get_full_name()))],
    )


def load(stdout):
    docent = Person.objects.filter(email="docent@example.org").first()
    leader = Person.objects.filter(email="teamleider@example.org").first()
    if docent is None or leader is None:
        return
    _team_techniek(docent, leader)
    if not docent.portfolio_entries.filter(source_key="demo.course:differentieren-2026").exists():
        _certificate_in_entry(docent)
    _school_without_team_leader(stdout)
    stdout.write("dossier: plan approvers, notices, an over-budget plan and a certificate in the portfolio")
