"""Short pedagogical-didactic trainings for guest teachers (seed B.2.4, activity 4c): a lighter
course kind with a few sessions and no intake. Guest teachers sign up themselves; attending
enough sessions completes the training with a certificate of participation and evidence."""

import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Role

from ..models import (
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortSession,
    CourseKind,
    Enrolment,
    EnrolmentStatus,
)
from .programmes import complete_enrolment, enrolment_create

PARTICIPATION_SHARE = 0.75  # of a training's sessions attended to earn the certificate of participation


def is_short_training(course) -> bool:
    return course.kind == CourseKind.GUEST_TEACHER


def can_sign_up_for_training(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.GUEST_TEACHER))


def open_training_cohorts(course):
    return Cohort.objects.filter(course=course, end_date__gte=timezone.localdate()).order_by("start_date")


@transaction.atomic
def training_sign_up(*, course, cohort, person) -> Enrolment:
    if not is_short_training(course) or cohort.course_id != course.pk:
        raise ValidationError(_("This course has an intake; apply instead."))
    if not can_sign_up_for_training(person):
        raise PermissionDenied
    if cohort.end_date < timezone.localdate():
        raise ValidationError(_("This group has already ended."))
    return enrolment_create(cohort=cohort, person=person)


def sessions_needed(session_count: int) -> int:
    return math.ceil(session_count * PARTICIPATION_SHARE)


@transaction.atomic
def training_check_participation(*, cohort) -> list[Enrolment]:
    """After attendance is recorded: complete everyone in a short training who attended enough."""
    if not is_short_training(cohort.course):
        return []
    total = CohortSession.objects.filter(cohort=cohort).count()
    if not total:
        return []
    needed = sessions_needed(total)
    completed = []
    for enrolment in Enrolment.objects.filter(cohort=cohort, status=EnrolmentStatus.ACTIVE).select_related(
        "cohort__course", "person"
    ):
        present = Attendance.objects.filter(enrolment=enrolment, status=AttendanceStatus.PRESENT).count()
        if present >= needed:
            complete_enrolment(enrolment=enrolment)
            completed.append(enrolment)
    return completed
