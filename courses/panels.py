"""Dashboard panels of the learning offer, registered into community's dashboard."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from community.dashboard import Panel, register_panel
from community.models import Role

from .permissions import can_apply_for_internships, internship_host_ids, is_hub_staff

# What these panels read: their cached HTML is renewed after any write there (see dashboard.py).
READS = ("courses", "portfolios", "wagtailcore.Page", "community.Membership", "community.Person", "community.Organisation")

# Study-day panels ------------------------------------------------------------------------


def _study_day_index_url():
    from .models import StudyDayIndexPage

    index = StudyDayIndexPage.objects.live().first()
    return index.url if index else ""


def _studydays_context(request):
    from .models import RegistrationStatus, StudyDayRegistration
    from .services.studydays import open_study_days

    user = request.user
    if not user.has_role(Role.TEACHER, Role.TRAINEE, Role.GUEST_TEACHER):
        return None
    today = timezone.localdate()
    registrations = list(
        StudyDayRegistration.objects.filter(person=user, study_day__date__gte=today)
        .exclude(status=RegistrationStatus.CANCELLED).select_related("study_day").order_by("study_day__date")[:5]
    )
    feedback_due = list(
        StudyDayRegistration.objects.filter(
            person=user, status=RegistrationStatus.CONFIRMED, study_day__date__lte=today,
            study_day__date__gte=today - timedelta(days=60), feedback__isnull=True,
        ).exclude(attended=False).select_related("study_day")[:3]
    )
    registered_ids = {r.study_day_id for r in registrations}
    return {
        "registrations": registrations,
        "feedback_due": feedback_due,
        "open_days": [d for d in open_study_days() if d.pk not in registered_ids],
        "index_url": _study_day_index_url(),
    }


register_panel(Panel(key="courses-studydays", template_name="courses/panels/studydays.html", get_context=_studydays_context, order=40, reads=READS))


def _hub_context(request):
    from .models import InternshipOffer, OfferStatus, RegistrationStatus, StudyDayPage

    if not is_hub_staff(request.user):
        return None
    today = timezone.localdate()
    days = list(
        StudyDayPage.objects.filter(date__gte=today - timedelta(days=14)).order_by("date")
        .annotate(
            n_confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            n_unmarked=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED, registrations__attended__isnull=True)),
            n_waitlisted=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
        )[:4]
    )
    return {
        "days": days,
        "today": today,
        "offers_to_approve": InternshipOffer.objects.filter(status=OfferStatus.PENDING).count(),
    }


register_panel(Panel(key="courses-hub", template_name="courses/panels/hub.html", get_context=_hub_context, order=35, reads=READS))


# Internship panels -----------------------------------------------------------------------


def _internships_context(request):
    from .models import ApplicationStatus, InternshipApplication, InternshipOffer

    user = request.user
    teacher = can_apply_for_internships(user)
    host_ids = internship_host_ids(user)
    if not teacher and not host_ids:
        return None
    context = {"teacher": teacher, "host": bool(host_ids)}
    if teacher:
        context["applications"] = list(
            InternshipApplication.objects.filter(applicant=user).exclude(status=ApplicationStatus.WITHDRAWN)
            .select_related("offer__host", "placement").order_by("-created_at")[:5]
        )
    if host_ids:
        context["offers"] = list(
            InternshipOffer.objects.filter(host_id__in=host_ids).select_related("host")
            .annotate(n_new=Count("applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED)))
            .order_by("-period_start")[:5]
        )
        context["new_applications"] = sum(o.n_new for o in context["offers"])
    return context


register_panel(Panel(key="courses-internships", template_name="courses/panels/internships.html", get_context=_internships_context, order=45, reads=READS))


# Programme panels (trainee dashboard, coach, coordinator) ---------------------------------


def _programme_trainee_context(request):
    from .reports.programmes import trainee_panel

    rows = trainee_panel(request.user)
    return {"rows": rows} if rows else None


def _programme_staff_context(request):
    """Coach, assessor, company mentor, coordinator, hub staff: the people they follow."""
    from community.permissions import is_hub_staff

    from .models import Assessment, CoachingSession, Cohort, Enrolment, EnrolmentStatus

    user = request.user
    hub = is_hub_staff(user)
    cohorts = list(Cohort.objects.visible_to(user).select_related("course").order_by("-start_date")[:5])
    followed = (
        Enrolment.objects.visible_to(user).exclude(person=user).filter(status=EnrolmentStatus.ACTIVE).count()
    )
    to_assess = list(
        Assessment.objects.filter(assessor=user, released_at__isnull=True)
        .select_related("enrolment__person").order_by("date")[:5]
    )
    if not (hub or cohorts or followed or to_assess):
        return None
    open_applications = None
    if hub:
        from .models import IntakeApplication, IntakeStatus

        open_applications = IntakeApplication.objects.filter(
            status__in=[IntakeStatus.SUBMITTED, IntakeStatus.IN_PROGRESS]
        ).count()
    awaiting_response = CoachingSession.objects.filter(coach=user, responded_at__isnull=False).count()
    return {
        "hub": hub,
        "cohorts": cohorts,
        "followed": followed,
        "to_assess": to_assess,
        "open_applications": open_applications,
        "coaching_responses": awaiting_response,
    }


register_panel(Panel(
    key="programmes_trainee", template_name="courses/programmes/panels/trainee.html",
    get_context=_programme_trainee_context, order=20, reads=READS,
))
register_panel(Panel(
    key="programmes_staff", template_name="courses/programmes/panels/staff.html",
    get_context=_programme_staff_context, order=21, reads=READS,
))
