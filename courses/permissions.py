"""Who may do what in the learning offer. Views call these; querysets use `visible_to(user)`."""

from community.models import Role
from community.permissions import is_hub_staff, require  # noqa: F401  (re-exported for views)

# Study days ------------------------------------------------------------------------------

# Which role may register for a day that is meant for which group.
STUDY_DAY_ROLE_FLAGS = {
    Role.TEACHER: "for_teachers",
    Role.TRAINEE: "for_trainees",
    Role.COMPANY_MENTOR: "for_guest_teachers",  # guest teachers are company staff
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
