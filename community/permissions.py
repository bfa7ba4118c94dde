"""Who may do what in the community app. Other apps build on these helpers.

Every rule is a plain function of the acting person (and an object); views call them and
querysets use the matching `visible_to(user)` filters, so an unknown id answers 404.
"""

from django.core.exceptions import PermissionDenied

from .models import Membership, Organisation, Role


def is_hub_staff(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.has_role(Role.HUB_STAFF)))


def is_moderator(user) -> bool:
    return bool(user.is_authenticated and (user.has_role(Role.MODERATOR) or is_hub_staff(user)))


def hr_school_ids(user) -> set[int]:
    """The schools whose people this person manages as HR."""
    if not user.is_authenticated:
        return set()
    return user.organisations_with_role(Role.HR)


def led_team_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return {m.team_id for m in user.active_memberships if m.role == Role.TEAM_LEADER and m.team_id}


def can_invite_to(user, organisation: Organisation) -> bool:
    """Hub staff invite anyone; HR invites people of its own school only."""
    if is_hub_staff(user):
        return True
    return organisation.pk in hr_school_ids(user)


def invitable_organisations(user):
    if is_hub_staff(user):
        return Organisation.objects.current()
    return Organisation.objects.current().filter(pk__in=hr_school_ids(user))


def invitable_roles(user):
    if is_hub_staff(user):
        return Role.choices
    # HR invites school staff; it cannot hand out hub or moderator rights.
    allowed = {Role.TEACHER, Role.TEAM_LEADER, Role.HR, Role.TRAINEE}
    return [(value, label) for value, label in Role.choices if value in allowed]


def people_visible_to(user):
    """People whose membership records this person may manage (HR: own school; hub: all)."""
    from .models import Person

    if is_hub_staff(user):
        return Person.objects.all()
    school_ids = hr_school_ids(user)
    if not school_ids:
        return Person.objects.none()
    return Person.objects.filter(
        pk__in=Membership.objects.active().filter(organisation_id__in=school_ids).values("person_id")
    )


def require(condition: bool):
    if not condition:
        raise PermissionDenied


# --- Forum (learning community) -------------------------------------------------------------


def is_forum_member(user) -> bool:
    """Community content is for logged-in people with an active membership."""
    return bool(user.is_authenticated and (user.active_memberships or user.is_superuser))


def can_edit_post(user, post) -> bool:
    """Authors edit their own post while it is not locked; moderators edit anything."""
    if is_moderator(user):
        return True
    return post.author_id == user.pk and not post.is_locked


def can_edit_answer(user, answer) -> bool:
    if is_moderator(user):
        return True
    return answer.author_id == user.pk and not answer.post.is_locked


def can_mark_solution(user, post) -> bool:
    return post.is_question and (post.author_id == user.pk or is_moderator(user))


def can_contribute(user, post) -> bool:
    """Answers and comments: not on locked or merged posts (moderators may still)."""
    if is_moderator(user):
        return True
    return not post.is_locked and post.duplicate_of_id is None
