"""Who may see and do what in the learning offer. One section per feature.

Views call these rules, and querysets use the matching `visible_to(user)` filters, so an id
that is not yours answers 404.
"""

from django.db.models import Q

from community.models import Membership, Role
from community.permissions import is_hub_staff, require  # noqa: F401  (re-exported for views)

# Programmes (courses, cohorts, intake, assessments, coaching) ------------------------------
#
# An enrolment's record (progress, submissions, released assessments) is visible to:
# the trainee; the cohort's coordinator; the trainee's coach (Enrolment.coach); the assessor
# of any of the trainee's assessments; a company mentor whose company employs the trainee
# (active membership); hub staff. Hosting someone as an intern gives no access to their course
# records: the host sees the placement itself (its period and what it produced) only (issue 11). Being in a cohort's pool of coaches or assessors gives no
# access by itself: the coordinator assigns who coaches and who assesses whom.
# Unreleased assessments: only their assessor, the coordinator and hub staff.
# Coaching logs: the coached person, their coach(es), the coordinator and hub staff.


def _mentor_company_ids(user):
    return user.organisations_with_role(Role.COMPANY_MENTOR)


def enrolment_access_q(user, prefix=""):
    """A Q over Enrolment (or over a model with an enrolment FK, with prefix "enrolment__")."""
    from .models import Assessment

    q = (
        Q(**{f"{prefix}person": user})
        | Q(**{f"{prefix}cohort__coordinator": user})
        | Q(**{f"{prefix}coach": user})
        | Q(**{f"{prefix}pk__in": Assessment.objects.filter(assessor=user).values("enrolment_id")})
    )
    companies = _mentor_company_ids(user)
    if companies:
        employees = Membership.objects.active().filter(organisation_id__in=companies).values("person_id")
        q |= Q(**{f"{prefix}person__in": employees})
    return q


def enrolments_visible_to(user, qs=None):
    from .models import Enrolment

    qs = Enrolment.objects.all() if qs is None else qs
    if not user.is_authenticated:
        return qs.none()
    if is_hub_staff(user):
        return qs
    return qs.filter(enrolment_access_q(user))


def cohorts_visible_to(user, qs=None):
    """Cohorts someone runs: the coordinator and hub staff."""
    from .models import Cohort

    qs = Cohort.objects.all() if qs is None else qs
    if not user.is_authenticated:
        return qs.none()
    if is_hub_staff(user):
        return qs
    return qs.filter(coordinator=user)


def assessments_visible_to(user, qs=None):
    from .models import Assessment

    qs = Assessment.objects.all() if qs is None else qs
    if not user.is_authenticated:
        return qs.none()
    if is_hub_staff(user):
        return qs
    return qs.filter(
        Q(assessor=user)
        | Q(enrolment__cohort__coordinator=user)
        | (Q(released_at__isnull=False) & enrolment_access_q(user, "enrolment__"))
    )


def coaching_visible_to(user, qs=None):
    from .models import CoachingSession

    qs = CoachingSession.objects.all() if qs is None else qs
    if not user.is_authenticated:
        return qs.none()
    if is_hub_staff(user):
        return qs
    return qs.filter(
        Q(coach=user) | Q(enrolment__person=user) | Q(enrolment__coach=user) | Q(enrolment__cohort__coordinator=user)
    )


def can_manage_cohort(user, cohort) -> bool:
    return bool(user.is_authenticated and (is_hub_staff(user) or cohort.coordinator_id == user.pk))


def can_manage_enrolment(user, enrolment) -> bool:
    return can_manage_cohort(user, enrolment.cohort)


def can_coach(user, enrolment) -> bool:
    """Log coaching sessions for this person: their coach, the coordinator, hub staff."""
    return bool(user.is_authenticated and (enrolment.coach_id == user.pk or can_manage_enrolment(user, enrolment)))


def can_give_feedback(user, enrolment) -> bool:
    from .models import Assessment

    if not user.is_authenticated or enrolment.person_id == user.pk:
        return False
    return (
        can_coach(user, enrolment)
        or Assessment.objects.filter(enrolment=enrolment, assessor=user).exists()
    )


def can_edit_assessment(user, assessment) -> bool:
    if assessment.is_released or not user.is_authenticated:
        return False
    return assessment.assessor_id == user.pk or can_manage_enrolment(user, assessment.enrolment)


def can_release_assessment(user, assessment) -> bool:
    """The release is a second look: the coordinator or hub staff, not the assessor alone."""
    return not assessment.is_released and can_manage_enrolment(user, assessment.enrolment)


def can_read_course_content(user, course) -> bool:
    """Module pages: people enrolled in a cohort of the course, its cohorts' staff, hub staff."""
    from .models import Cohort, Enrolment

    if not user.is_authenticated:
        return False
    if is_hub_staff(user):
        return True
    if Enrolment.objects.filter(
        cohort__course=course, person=user, status__in=["active", "completed"]
    ).exists():
        return True
    return Cohort.objects.filter(course=course).filter(
        Q(coordinator=user) | Q(coaches=user) | Q(assessors=user) | Q(enrolments__coach=user)
    ).exists()


def can_manage_intake(user) -> bool:
    return is_hub_staff(user)
# Study days ------------------------------------------------------------------------------

# Which role may register for a day that is meant for which group.
STUDY_DAY_ROLE_FLAGS = {
    Role.TEACHER: "for_teachers",
    Role.TRAINEE: "for_trainees",
    Role.GUEST_TEACHER: "for_guest_teachers",  # a role of its own: not every company mentor teaches
}


def can_register_for(user, study_day) -> bool:
    if not user.is_authenticated:
        return False
    return any(
        getattr(study_day, flag) and user.has_role(role) for role, flag in STUDY_DAY_ROLE_FLAGS.items()
    )


def can_manage_study_days(user) -> bool:
    return is_hub_staff(user)


# Internships -----------------------------------------------------------------------------

# Who speaks for a host: company mentors for their company, HR and team leaders for their school.
HOST_ROLES = (Role.COMPANY_MENTOR, Role.HR, Role.TEAM_LEADER)


def internship_host_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return {
        m.organisation_id
        for m in user.active_memberships
        if (m.role == Role.COMPANY_MENTOR and m.organisation.kind == "company")
        or (m.role in (Role.HR, Role.TEAM_LEADER) and m.organisation.kind == "school")
    }


def can_offer_internships(user) -> bool:
    return is_hub_staff(user) or bool(internship_host_ids(user))


def can_manage_offer(user, offer) -> bool:
    return is_hub_staff(user) or offer.host_id in internship_host_ids(user)


def can_apply_for_internships(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.TEACHER, Role.TRAINEE))


def is_applicant(user, application) -> bool:
    return user.is_authenticated and application.applicant_id == user.pk


def can_decide_application(user, application) -> bool:
    return can_manage_offer(user, application.offer)
