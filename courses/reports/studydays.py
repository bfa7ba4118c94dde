"""Hub figures for study days and teacher internships: counts only, a fixed number of queries."""

from django.db.models import Avg, Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from community.models import Membership, Organisation

from ..models import (
    InternshipOffer,
    InternshipPlacement,
    OfferStatus,
    PlacementStatus,
    RegistrationStatus,
    StudyDayPage,
)

STUDY_DAYS_TARGET_PER_YEAR = 2


def hub_figures(*, year=None):
    today = timezone.localdate()
    year = year or today.year

    per_year = {
        row["year"]: row
        for row in StudyDayPage.objects.live().annotate(year=ExtractYear("date")).values("year")
        .annotate(
            held=Count("pk", filter=Q(date__lt=today), distinct=True),
            planned=Count("pk", filter=Q(date__gte=today), distinct=True),
        ).order_by("year")
    }
    years = [
        {"year": y, "held": per_year[y]["held"], "planned": per_year[y]["planned"],
         "target": STUDY_DAYS_TARGET_PER_YEAR, "met": per_year[y]["held"] >= STUDY_DAYS_TARGET_PER_YEAR}
        for y in sorted(per_year)
    ]

    reg = "person__study_day_registrations"
    in_year = Q(**{f"{reg}__study_day__date__year": year})
    confirmed = in_year & Q(**{f"{reg}__status": RegistrationStatus.CONFIRMED})
    past = confirmed & Q(**{f"{reg}__study_day__date__lt": today})
    schools = list(
        Membership.objects.active().filter(organisation__kind=Organisation.Kind.SCHOOL)
        .values("organisation__name")
        .annotate(
            registrations=Count(reg, filter=confirmed, distinct=True),
            waitlisted=Count(reg, filter=in_year & Q(**{f"{reg}__status": RegistrationStatus.WAITLISTED}), distinct=True),
            attended=Count(reg, filter=past & Q(**{f"{reg}__attended": True}), distinct=True),
            no_shows=Count(reg, filter=past & ~Q(**{f"{reg}__attended": True}), distinct=True),
        )
        .filter(Q(registrations__gt=0) | Q(waitlisted__gt=0))
        .order_by("organisation__name")
    )
    feedback = list(
        StudyDayPage.objects.filter(date__year=year).order_by("date")
        .annotate(
            feedback_average=Avg("registrations__feedback__rating"),
            feedback_count=Count("registrations__feedback"),
        )
        .values("pk", "title", "date", "feedback_average", "feedback_count")
    )

    offers = list(
        InternshipOffer.objects.values("host__name", "host__kind")
        .annotate(
            listed=Count("pk", filter=Q(status=OfferStatus.APPROVED), distinct=True),
            pending=Count("pk", filter=Q(status=OfferStatus.PENDING), distinct=True),
            placements=Count("applications__placement", distinct=True),
        )
        .order_by("host__name")
    )
    pl = "person__internship_applications__placement"
    placements_by_school = list(
        Membership.objects.active().filter(organisation__kind=Organisation.Kind.SCHOOL)
        .values("organisation__name")
        .annotate(
            placements=Count(pl, distinct=True),
            completed=Count(pl, filter=Q(**{f"{pl}__status": PlacementStatus.COMPLETED}), distinct=True),
        )
        .filter(placements__gt=0)
        .order_by("organisation__name")
    )
    placements_by_profile = list(
        InternshipPlacement.objects.values("application__offer__profiles__code")
        .annotate(
            placements=Count("pk", distinct=True),
            completed=Count("pk", filter=Q(status=PlacementStatus.COMPLETED), distinct=True),
        )
        .order_by("application__offer__profiles__code")
    )
    # Guest teachers are people with the guest-teacher role (company mentors do not count).
    from community.models import Role

    from ..models import CourseKind, Enrolment, EnrolmentStatus

    guest_teachers = {
        "people": Membership.objects.active().filter(role=Role.GUEST_TEACHER).values("person_id").distinct().count(),
        "trained": Enrolment.objects.filter(
            cohort__course__kind=CourseKind.GUEST_TEACHER, status=EnrolmentStatus.COMPLETED
        ).values("person_id").distinct().count(),
    }
    return {
        "guest_teachers": guest_teachers,
        "year": year,
        "year_choices": sorted({y["year"] for y in years} | {today.year}),
        "years": years,
        "target": STUDY_DAYS_TARGET_PER_YEAR,
        "schools": schools,
        "school_totals": {
            key: sum(s[key] for s in schools) for key in ("registrations", "waitlisted", "attended", "no_shows")
        },
        "feedback": feedback,
        "offers": offers,
        "placements_by_school": placements_by_school,
        "placements_by_profile": placements_by_profile,
    }
