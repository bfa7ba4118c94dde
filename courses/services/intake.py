"""Writes of the intake: application, steps, decision, enrolment — each tells the applicant by
email (from the task worker, after the commit), in the platform's language."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.models import Organisation, Role

from ..models import CourseKind, IntakeApplication, IntakeStatus, IntakeStep
from .programmes import enrolment_create


def _notify(kind, application_id, step_id=None):
    from ..tasks.intake import send_intake_email

    transaction.on_commit(
        lambda: send_intake_email.enqueue(kind=kind, application_id=application_id, step_id=step_id), robust=True
    )


@transaction.atomic
def intake_application_submit(*, course, person=None, cv=None, portfolio=None, **fields) -> IntakeApplication:
    application = IntakeApplication(course=course, person=person if person and person.is_authenticated else None, **fields)
    application.email = application.email.lower()
    application.full_clean(exclude=["cv", "portfolio"])
    if cv is not None:
        application.cv.save(cv.name, cv, save=False)
    if portfolio is not None:
        application.portfolio.save(portfolio.name, portfolio, save=False)
    application.save()
    _notify("received", application.pk)
    return application


@transaction.atomic
def intake_step_record(
    *, application, kind, outcome, assessor=None, date=None, notes="", inform_applicant=True
) -> IntakeStep:
    step, _created = IntakeStep.objects.update_or_create(
        application=application,
        kind=kind,
        defaults={"outcome": outcome, "assessor": assessor, "date": date or timezone.localdate(), "notes": notes},
    )
    if application.status == IntakeStatus.SUBMITTED:
        application.status = IntakeStatus.IN_PROGRESS
        application.save(update_fields=["status"])
    if inform_applicant:
        _notify("step", application.pk, step.pk)
    return step


def _account_for(application):
    if application.person_id:
        return application.person
    return get_user_model().objects.filter(email__iexact=application.email).first()


def _role_for(course):
    return Role.GUEST_TEACHER if course.kind == CourseKind.GUEST_TEACHER else Role.TRAINEE


@transaction.atomic
def intake_decide(*, application, admitted: bool, reason: str, by, cohort=None, invite=True) -> IntakeApplication:
    """Record admission or not, with the reasons. An admitted applicant with an account is enrolled
    into the cohort; one without gets an invitation (role by the course) and is enrolled on first visit."""
    from community.services.people import invitation_create

    application.status = IntakeStatus.ADMITTED if admitted else IntakeStatus.NOT_ADMITTED
    application.decision_reason = reason
    application.decided_by = by
    application.decided_at = timezone.now()
    application.cohort = cohort if admitted else None
    if admitted:
        person = _account_for(application)
        if person is not None and cohort is not None:
            application.person = person
            application.enrolment = enrolment_create(cohort=cohort, person=person)
        elif person is None and invite:
            hub = Organisation.objects.filter(kind=Organisation.Kind.HUB).order_by("pk").first()
            if hub is not None:
                invitation_create(
                    invited_by=by, email=application.email, first_name=application.first_name,
                    last_name=application.last_name, organisation=hub, role=_role_for(application.course),
                )
    application.save()
    _notify("decision", application.pk)
    return application


@transaction.atomic
def intake_enrol(*, application, cohort) -> "Enrolment | None":  # noqa: F821
    """Enrol an admitted applicant once they have an account (e.g. after accepting an invitation)."""
    person = _account_for(application)
    if person is None or application.status != IntakeStatus.ADMITTED:
        return None
    application.person = person
    application.enrolment = enrolment_create(cohort=cohort, person=person)
    application.save(update_fields=["person", "enrolment"])
    return application.enrolment


@transaction.atomic
def intake_claim(*, person) -> list:
    """Admitted applications for this person's email with a chosen cohort: enrol now (after the
    invitation was accepted). Idempotent."""
    enrolments = []
    for application in IntakeApplication.objects.select_for_update().filter(
        email__iexact=person.email, status=IntakeStatus.ADMITTED, enrolment__isnull=True, cohort__isnull=False,
    ).select_related("cohort"):
        application.person = person
        application.enrolment = enrolment_create(cohort=application.cohort, person=person)
        application.save(update_fields=["person", "enrolment"])
        enrolments.append(application.enrolment)
    return enrolments
