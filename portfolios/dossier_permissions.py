"""Who may see and do what in the dossier (inventory, plan, portfolio, showcase).

The rules live on the querysets (`visible_to`, `led_by`, `status_visible_to`); these
helpers load one object through them, so another person's id answers 404.
- Inventory answers: the teacher only. HR of the school: response rate and who has not
  responded. Hub staff: counts per school.
- Plan: the teacher; the team leader of the teacher's team once submitted (agree, comment,
  ask for changes). HR: each plan's status for its school, nothing else. Hub: counts.
- Portfolio entries and their files: the owner, and whoever the owner shared the entry with
  (team leader, HR of their school, named people at their school, all community members).
- Showcase: the owner; anyone holding the live secret link sees just its entries, read-only.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from wagtail.permission_policies.base import BasePermissionPolicy

from community.models import Role
from community.permissions import hr_school_ids, is_hub_staff, led_team_ids

from .models import (
    Attachment,
    DevelopmentPlan,
    LearningGoal,
    PlannedActivity,
    PortfolioEntry,
    Showcase,
)


def can_see_school_inventory(user) -> bool:
    return bool(hr_school_ids(user))


def can_see_hub_figures(user) -> bool:
    return is_hub_staff(user)


def can_lead_plans(user) -> bool:
    return bool(led_team_ids(user))


def plan_for_viewer(user, pk) -> DevelopmentPlan:
    return get_object_or_404(DevelopmentPlan.objects.visible_to(user).select_related("person"), pk=pk)


def own_plan(user, pk) -> DevelopmentPlan:
    return get_object_or_404(DevelopmentPlan.objects.filter(person=user), pk=pk)


def own_goal(user, pk) -> LearningGoal:
    return get_object_or_404(LearningGoal.objects.filter(plan__person=user).select_related("plan"), pk=pk)


def own_activity(user, pk) -> PlannedActivity:
    return get_object_or_404(
        PlannedActivity.objects.filter(goal__plan__person=user).select_related("goal__plan"), pk=pk
    )


def entry_for_viewer(user, pk) -> PortfolioEntry:
    return get_object_or_404(PortfolioEntry.objects.visible_to(user).select_related("owner"), pk=pk)


def own_entry(user, pk) -> PortfolioEntry:
    return get_object_or_404(PortfolioEntry.objects.filter(owner=user).select_related("owner"), pk=pk)


def attachment_for_viewer(user, pk) -> Attachment:
    return get_object_or_404(
        Attachment.objects.filter(entry__in=PortfolioEntry.objects.visible_to(user)), pk=pk
    )


def own_showcase(user, pk) -> Showcase:
    return get_object_or_404(Showcase.objects.visible_to(user), pk=pk)


def live_showcase(token: str) -> Showcase:
    return get_object_or_404(Showcase.objects.live().select_related("owner"), token=token)


class HubStaffPolicy(BasePermissionPolicy):
    """Wagtail admin: hub staff (the role, not a Django permission) manage these models."""

    def user_has_permission(self, user, action):
        return is_hub_staff(user)

    def user_has_any_permission(self, user, actions):
        return is_hub_staff(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, memberships__role=Role.HUB_STAFF).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
