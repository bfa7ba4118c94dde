"""What the intake sees of an applicant who already took part: short trainings and coaching."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum

from ..models import AttendanceStatus, CoachingSession, CourseKind, Enrolment


def applicant_person(application):
    if application.person_id:
        return application.person
    return get_user_model().objects.filter(email__iexact=application.email).first()


def training_history(person) -> dict:
    """Short trainings followed (with attendance) and on-the-job coaching received: three queries."""
    if person is None:
        return {"trainings": [], "coaching_count": 0, "coaching_hours": Decimal("0")}
    trainings = list(
        Enrolment.objects.filter(person=person, cohort__course__kind=CourseKind.GUEST_TEACHER)
        .select_related("cohort__course")
        .annotate(
            present=Count("attendance", filter=Q(attendance__status=AttendanceStatus.PRESENT), distinct=True),
            sessions=Count("cohort__sessions", distinct=True),
        )
        .order_by("-cohort__start_date")
    )
    coaching = CoachingSession.objects.filter(enrolment__person=person).aggregate(n=Count("pk"), hours=Sum("hours"))
    return {
        "trainings": trainings,
        "coaching_count": coaching["n"],
        "coaching_hours": coaching["hours"] or Decimal("0"),
    }
