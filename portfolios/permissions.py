"""Who may do what in the dossier. One section per feature."""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies.base import BasePermissionPolicy

from community.models import Membership, Person, Role
from community.permissions import hr_school_ids, is_hub_staff

# Authorisation ---------------------------------------------------------------------------


def teaches_somewhere(user) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.TEACHER))


def can_view_matrix(user) -> bool:
    return bool(hr_school_ids(user))


def can_view_inventory(user) -> bool:
    return is_hub_staff(user)


def can_manage_person(user, person) -> bool:
    """HR of a school where the person is on the staff now."""
    school_ids = hr_school_ids(user)
    if not school_ids:
        return False
    return (
        Membership.objects.active()
        .filter(person=person, organisation_id__in=school_ids, role__in=[Role.TEACHER, Role.TRAINEE])
        .exists()
    )


def hr_people(user):
    """People on the staff of the schools this person is HR for."""
    school_ids = hr_school_ids(user)
    return Person.objects.filter(
        pk__in=Membership.objects.active()
        .filter(organisation_id__in=school_ids, role__in=[Role.TEACHER, Role.TRAINEE])
        .values("person_id")
    )


def can_edit_record(user, record) -> bool:
    """The teacher edits their own unverified records; HR edits records of its staff."""
    if record.person_id == user.pk and not record.is_verified:
        return True
    return can_manage_person(user, record.person)


def can_verify_record(user, record) -> bool:
    return record.person_id != user.pk and can_manage_person(user, record.person)


def require(condition: bool):
    if not condition:
        raise PermissionDenied


class HubStaffPolicy(BasePermissionPolicy):
    """Wagtail admin rights for the conversion table and the hub's figures: hub staff only.

    Rows of the conversion table are retired (active off), never deleted, so their history stays.
    """

    def __init__(self, model, *, allow_delete=False):
        super().__init__(model)
        self.allow_delete = allow_delete

    def user_has_permission(self, user, action):
        if action == "delete" and not self.allow_delete:
            return False
        return is_hub_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if all(a == "delete" for a in actions) and not self.allow_delete:
            return Person.objects.none()
        return Person.objects.filter(is_active=True).filter(
            pk__in=Membership.objects.active().filter(role=Role.HUB_STAFF).values("person_id")
        ) | Person.objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
