"""Write operations of the programmes: intake, enrolment, progress, submissions,
assessments, coaching, attendance and completion. Views call these; nothing else writes."""

from datetime import date as Date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

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
    ModulePage,
    ModuleProgress,
    ProgrammeNoticeKind,
    Submission,
)
from .notifications import programme_notify


def _in_site_language(message, **params):
    """Stored text (the notice): in the platform's language, not the actor's."""
    with translation.override(settings.LANGUAGE_CODE):
        return _(message) % params


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
    programme_notify(
        people=[submission.enrolment.person], kind=ProgrammeNoticeKind.FEEDBACK,
        text=_in_site_language(gettext_noop("Feedback on “%(title)s”"), title=submission.title),
        url=reverse("courses:submission_detail", args=[submission.pk]),
    )
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
    programme_notify(
        people=[assessment.enrolment.person], kind=ProgrammeNoticeKind.ASSESSMENT,
        text=_in_site_language(gettext_noop("%(kind)s of %(date)s"), kind=assessment.get_kind_display(), date=f"{assessment.date:%d-%m-%Y}"),
        url=reverse("courses:assessment_detail", args=[assessment.pk]),
    )
    enrolment_check_completion(enrolment=assessment.enrolment)
    return assessment


@transaction.atomic
def cohort_session_changed(*, session) -> int:
    """Tell everyone following the cohort that a session moved or changed (one digest line each)."""
    people = [e.person for e in session.cohort.enrolments.filter(status=EnrolmentStatus.ACTIVE).select_related("person")]
    starts = timezone.localtime(session.starts_at)
    return programme_notify(
        people=people, kind=ProgrammeNoticeKind.SESSION,
        text=_in_site_language(gettext_noop("%(topic)s: now %(when)s, %(place)s"), topic=session.topic,
                               when=f"{starts:%d-%m-%Y %H:%M}", place=session.place),
    )


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
    from .trainings import training_check_participation

    training_check_participation(cohort=session.cohort)


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
    complete_enrolment(enrolment=enrolment, on=on)
    return True


@transaction.atomic
def complete_enrolment(*, enrolment, on: Date | None = None) -> Enrolment:
    """Mark completed, number the certificate, and record the evidence in the portfolio."""
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
    return enrolment


def _certificate_file(enrolment) -> EvidenceFile:
    """The certificate PDF, kept with the portfolio entry: sharing the entry shares the certificate."""
    from ..certificates import certificate_pdf

    content = certificate_pdf(enrolment, region_name=settings.PLATFORM_REGION_NAME)
    return EvidenceFile(name=f"certificaat-{enrolment.certificate_number}.pdf", content=content)
