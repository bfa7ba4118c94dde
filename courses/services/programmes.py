"""Write operations of the programmes: intake, enrolment, progress, submissions,
assessments, coaching, attendance and completion. Views call these; nothing else writes."""

from datetime import date as Date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from portfolios.models import EntryKind
from portfolios.services import EvidenceFile, record_evidence

from ..models import (
    Assessment,
    AssessmentCriterion,
    AssessmentKind,
    AssessmentOutcome,
    AssessmentScore,
    Attendance,
    CoachingSession,
    Enrolment,
    EnrolmentStatus,
    IntakeApplication,
    IntakeStatus,
    IntakeStep,
    ModulePage,
    ModuleProgress,
    Submission,
)

# Intake -------------------------------------------------------------------------------------


@transaction.atomic
def intake_application_submit(*, course, person=None, **fields) -> IntakeApplication:
    application = IntakeApplication(course=course, person=person if person and person.is_authenticated else None, **fields)
    application.email = application.email.lower()
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def intake_step_record(*, application, kind, outcome, assessor=None, date=None, notes="") -> IntakeStep:
    step, _created = IntakeStep.objects.update_or_create(
        application=application,
        kind=kind,
        defaults={"outcome": outcome, "assessor": assessor, "date": date or timezone.localdate(), "notes": notes},
    )
    if application.status == IntakeStatus.SUBMITTED:
        application.status = IntakeStatus.IN_PROGRESS
        application.save(update_fields=["status"])
    return step


def _account_for(application):
    if application.person_id:
        return application.person
    return get_user_model().objects.filter(email__iexact=application.email).first()


@transaction.atomic
def intake_decide(*, application, admitted: bool, reason: str, by, cohort=None) -> IntakeApplication:
    """Record admission or not, with the reasons; an admitted applicant with an account is enrolled."""
    application.status = IntakeStatus.ADMITTED if admitted else IntakeStatus.NOT_ADMITTED
    application.decision_reason = reason
    application.decided_by = by
    application.decided_at = timezone.now()
    if admitted and cohort is not None:
        person = _account_for(application)
        if person is not None:
            application.person = person
            application.enrolment = enrolment_create(cohort=cohort, person=person)
    application.save()
    return application


@transaction.atomic
def intake_enrol(*, application, cohort) -> Enrolment | None:
    """Enrol an admitted applicant once they have an account (e.g. after accepting an invitation)."""
    person = _account_for(application)
    if person is None or application.status != IntakeStatus.ADMITTED:
        return None
    application.person = person
    application.enrolment = enrolment_create(cohort=cohort, person=person)
    application.save(update_fields=["person", "enrolment"])
    return application.enrolment


# Enrolment and progress ---------------------------------------------------------------------


@transaction.atomic
def enrolment_create(*, cohort, person, coach=None) -> Enrolment:
    enrolment, created = Enrolment.objects.get_or_create(cohort=cohort, person=person, defaults={"coach": coach})
    if not created and enrolment.status == EnrolmentStatus.WITHDRAWN:
        enrolment.status = EnrolmentStatus.ACTIVE
        enrolment.save(update_fields=["status"])
    return enrolment


@transaction.atomic
def module_progress_set(*, enrolment, module, done: bool) -> bool:
    if done:
        ModuleProgress.objects.get_or_create(enrolment=enrolment, module=module)
    else:
        ModuleProgress.objects.filter(enrolment=enrolment, module=module).delete()
    return enrolment_check_completion(enrolment=enrolment)


# Submissions --------------------------------------------------------------------------------


@transaction.atomic
def submission_create(*, enrolment, assignment, text="", file=None) -> Submission:
    submission, _created = Submission.objects.update_or_create(
        enrolment=enrolment,
        assignment=assignment,
        defaults={"title": assignment.title, "text": text, "submitted_at": timezone.now()},
    )
    if file is not None:
        if submission.file:
            submission.file.delete(save=False)
        submission.file.save(file.name, file, save=True)
    course = enrolment.cohort.course
    record_evidence(
        person=enrolment.person,
        source_key=f"courses.submission:{submission.pk}",
        kind=EntryKind.LESSON_MATERIAL if submission.file else EntryKind.OTHER,
        title=f"{assignment.title} — {course.title}",
        date=timezone.localdate(),
        hours=assignment.hours,
        text=text,
    )
    return submission


@transaction.atomic
def submission_feedback(*, submission, feedback: str, by) -> Submission:
    submission.feedback = feedback
    submission.feedback_by = by
    submission.feedback_at = timezone.now()
    submission.save(update_fields=["feedback", "feedback_by", "feedback_at"])
    return submission


# Assessments --------------------------------------------------------------------------------


@transaction.atomic
def assessment_create(*, enrolment, kind, assessor, date=None) -> Assessment:
    assessment = Assessment.objects.create(
        enrolment=enrolment, kind=kind, assessor=assessor, date=date or timezone.localdate()
    )
    criteria = AssessmentCriterion.objects.filter(course_id=enrolment.cohort.course_id).filter(kind__in=["", kind])
    AssessmentScore.objects.bulk_create([AssessmentScore(assessment=assessment, criterion=c) for c in criteria])
    return assessment


@transaction.atomic
def assessment_release(*, assessment, by) -> Assessment:
    assessment.released_at = timezone.now()
    assessment.released_by = by
    assessment.save(update_fields=["released_at", "released_by"])
    enrolment_check_completion(enrolment=assessment.enrolment)
    return assessment


# Coaching -----------------------------------------------------------------------------------


@transaction.atomic
def coaching_session_log(*, enrolment, coach, **fields) -> CoachingSession:
    session = CoachingSession(enrolment=enrolment, coach=coach, **fields)
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def coaching_respond(*, session, response: str) -> CoachingSession:
    session.response = response
    session.responded_at = timezone.now()
    session.save(update_fields=["response", "responded_at"])
    return session


# Attendance ---------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, session, statuses: dict) -> None:
    """statuses: {enrolment_id: status or ""}; "" clears the mark."""
    for enrolment_id, status in statuses.items():
        if status:
            Attendance.objects.update_or_create(session=session, enrolment_id=enrolment_id, defaults={"status": status})
        else:
            Attendance.objects.filter(session=session, enrolment_id=enrolment_id).delete()


# Completion ---------------------------------------------------------------------------------


def enrolment_is_complete(enrolment) -> bool:
    course = enrolment.cohort.course
    module_ids = set(ModulePage.objects.live().child_of(course).values_list("pk", flat=True))
    done = set(ModuleProgress.objects.filter(enrolment=enrolment).values_list("module_id", flat=True))
    if not module_ids or not module_ids <= done:
        return False
    return enrolment.assessments.filter(
        kind=AssessmentKind.FINAL, outcome=AssessmentOutcome.PASSED, released_at__isnull=False
    ).exists()


@transaction.atomic
def enrolment_check_completion(*, enrolment, on: Date | None = None) -> bool:
    """Complete the enrolment once every module is done and the final assessment is passed."""
    if enrolment.status != EnrolmentStatus.ACTIVE or not enrolment_is_complete(enrolment):
        return enrolment.status == EnrolmentStatus.COMPLETED
    on = on or timezone.localdate()
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_on = on
    enrolment.certificate_number = f"TH-{on:%Y}-{enrolment.pk:05d}"
    enrolment.save(update_fields=["status", "completed_on", "certificate_number"])
    course = enrolment.cohort.course
    record_evidence(
        person=enrolment.person,
        source_key=f"courses.enrolment:{enrolment.pk}",
        kind=EntryKind.COURSE_COMPLETION,
        title=course.title,
        date=on,
        hours=course.hours,
        text=f"{enrolment.cohort.name} — {enrolment.certificate_number}",
        files=[_certificate_file(enrolment)],
    )
    return True


def _certificate_file(enrolment) -> EvidenceFile:
    """The certificate PDF, kept with the portfolio entry: sharing the entry shares the certificate."""
    from django.conf import settings

    from ..certificates import certificate_pdf

    content = certificate_pdf(enrolment, region_name=settings.PLATFORM_REGION_NAME)
    return EvidenceFile(name=f"certificaat-{enrolment.certificate_number}.pdf", content=content)
