"""What the learning offer holds about a person, for their data export (community.personal_data).

Registered from CoursesConfig.ready(). Each exporter uses a fixed number of queries.

Assessments: released assessments are exported in full (outcome, feedback, scores). An
assessment that has not been released yet is still being made by the assessor; its existence is
exported (kind, date, "in progress") but not its draft outcome or scores, which the person gets
once it is released. That follows the access right (the person learns the data exists and
what it is for) without handing out an assessor's unfinished judgement.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.personal_data import register_anonymiser, register_exporter, rows


def _group(pairs) -> dict:
    grouped: dict = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def _study_days(person) -> dict:
    from .models import CalendarFeed, StudyDayFeedback, StudyDayRegistration, WorkshopChoice

    registrations = rows(
        StudyDayRegistration.objects.filter(person=person).order_by("requested_at", "pk"),
        "study_day__title",
        "study_day__date",
    )
    choices = _group(
        WorkshopChoice.objects.filter(registration__person=person).values_list("registration_id", "workshop__title")
    )
    feedback = {f["registration_id"]: f for f in rows(StudyDayFeedback.objects.filter(registration__person=person))}
    for registration in registrations:
        registration["workshops"] = choices.get(registration["id"], [])
        registration["feedback"] = feedback.get(registration["id"])
    return {
        "registrations": registrations,
        # The feed's secret token is not exported: it is a credential, not data about the person.
        "calendar_feed_exists": CalendarFeed.objects.filter(person=person).exists(),
    }


def _internships(person) -> dict:
    from .models import InternshipApplication, InternshipPlacement

    return {
        "applications": rows(
            InternshipApplication.objects.filter(applicant=person).order_by("created_at"),
            "offer__title",
            "offer__host__name",
        ),
        "placements": rows(
            InternshipPlacement.objects.filter(application__applicant=person).order_by("start_date", "pk")
        ),
    }


def _intake(person) -> list:
    from .models import IntakeApplication, IntakeStep

    mine = Q(person=person) | Q(email__iexact=person.email)
    applications = rows(IntakeApplication.objects.filter(mine).order_by("submitted_at", "pk"), "course__title")
    steps = _group(
        (s["application_id"], s)
        for s in rows(IntakeStep.objects.filter(application__in=IntakeApplication.objects.filter(mine)).order_by("date", "pk"))
    )
    for application in applications:
        application["steps"] = steps.get(application["id"], [])
    return applications


def _programmes(person) -> list:
    from .models import (
        Assessment,
        AssessmentScore,
        Attendance,
        CoachingSession,
        Enrolment,
        ModuleProgress,
        Submission,
    )

    enrolments = rows(
        Enrolment.objects.filter(person=person).order_by("enrolled_on", "pk"), "cohort__name", "cohort__course__title"
    )
    progress = _group(
        (p["enrolment_id"], p) for p in rows(ModuleProgress.objects.filter(enrolment__person=person), "module__title")
    )
    attendance = _group(
        (a["enrolment_id"], a)
        for a in rows(Attendance.objects.filter(enrolment__person=person), "session__starts_at", "session__topic")
    )
    submissions = _group(
        (s["enrolment_id"], s) for s in rows(Submission.objects.filter(enrolment__person=person).order_by("submitted_at"))
    )
    coaching = _group(
        (c["enrolment_id"], c)
        for c in rows(CoachingSession.objects.filter(enrolment__person=person).order_by("date", "pk"))
    )
    released = rows(Assessment.objects.filter(enrolment__person=person, released_at__isnull=False).order_by("date", "pk"))
    scores = _group(
        (s["assessment_id"], s)
        for s in rows(
            AssessmentScore.objects.filter(assessment__enrolment__person=person, assessment__released_at__isnull=False),
            "criterion__title",
        )
    )
    for assessment in released:
        assessment["scores"] = scores.get(assessment["id"], [])
    in_progress = [
        {**a, "status": "in progress"}
        for a in Assessment.objects.filter(enrolment__person=person, released_at__isnull=True)
        .order_by("date", "pk")
        .values("id", "enrolment_id", "kind", "date")
    ]
    assessments = _group((a["enrolment_id"], a) for a in released + in_progress)
    for enrolment in enrolments:
        pk = enrolment["id"]
        enrolment["module_progress"] = progress.get(pk, [])
        enrolment["attendance"] = attendance.get(pk, [])
        enrolment["submissions"] = submissions.get(pk, [])
        enrolment["assessments"] = assessments.get(pk, [])
        enrolment["coaching_sessions"] = coaching.get(pk, [])
    return enrolments


def _anonymise(person, old_email: str) -> None:
    """Intake applications keep the name, address and phone the person applied with; their CV
    and portfolio files go, and so do programme notices."""
    from .models import IntakeApplication, ProgrammeNotice

    applications = IntakeApplication.objects.filter(Q(person=person) | Q(email__iexact=old_email))
    for application in applications.exclude(cv="", portfolio=""):
        for field in (application.cv, application.portfolio):
            if field:
                field.delete(save=False)
    applications.update(
        first_name=person.first_name, last_name=person.last_name, email=person.email, phone="", cv="", portfolio=""
    )
    ProgrammeNotice.objects.filter(person=person).delete()


def register() -> None:
    register_anonymiser("courses.intake", _anonymise)
    register_exporter("courses.study_days", _("Study-day registrations, feedback and calendar feed"), _study_days)
    register_exporter("courses.internships", _("Internship applications and placements"), _internships)
    register_exporter("courses.intake", _("Intake applications"), _intake)
    register_exporter(
        "courses.programmes",
        _("Enrolments, submissions, assessments and coaching sessions"),
        _programmes,
    )
