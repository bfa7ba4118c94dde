"""Dashboard panels of the learning offer, registered into community's dashboard."""

from community.dashboard import Panel, register_panel  # noqa: F401

# Study-day panels ------------------------------------------------------------------------


# Internship panels -----------------------------------------------------------------------


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
    get_context=_programme_trainee_context, order=20,
))
register_panel(Panel(
    key="programmes_staff", template_name="courses/programmes/panels/staff.html",
    get_context=_programme_staff_context, order=21,
))
