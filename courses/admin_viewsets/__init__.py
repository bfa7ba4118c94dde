"""Wagtail admin viewsets, one module per feature (imported by courses/wagtail_hooks.py)."""

from wagtail.permission_policies import ModelPermissionPolicy

from community.models import Person, Role
from community.permissions import is_hub_staff


class HubStaffPermissionPolicy(ModelPermissionPolicy):
    """Hub staff manage the learning offer's records in the admin; nobody else does."""

    def user_has_permission(self, user, action):
        return is_hub_staff(user)

    def user_has_any_permission(self, user, actions):
        return is_hub_staff(user)

    def users_with_any_permission(self, actions):
        return Person.objects.filter(memberships__role=Role.HUB_STAFF).distinct() | Person.objects.filter(is_superuser=True)
