"""Hub staff in the Wagtail admin: needs inventory rounds and the plan defaults."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from ..dossier_permissions import HubStaffPolicy
from ..models import DossierSettings, NeedsInventoryRound, SchoolPlanApprover

register_permission_policy(NeedsInventoryRound, HubStaffPolicy(NeedsInventoryRound))
register_permission_policy(SchoolPlanApprover, HubStaffPolicy(SchoolPlanApprover))


# DossierSettings.get_permission_policy returns the same hub-staff policy.
register_setting(DossierSettings, icon="cog")


class NeedsInventoryRoundViewSet(ModelViewSet):
    model = NeedsInventoryRound
    icon = "list-ul"
    menu_label = _("Needs inventory")
    menu_order = 320
    add_to_admin_menu = True
    form_fields = ["school_year", "opens_on", "deadline"]
    list_display = ["school_year", "opens_on", "deadline"]
    search_fields = ["school_year"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_inventory_rounds():
    return NeedsInventoryRoundViewSet("needs_inventory_rounds")


class SchoolPlanApproverViewSet(ModelViewSet):
    """Who agrees plans at a school whose teachers' teams have no team leader (before HR)."""

    model = SchoolPlanApprover
    icon = "user"
    menu_label = _("Plan approvers of schools")
    menu_order = 321
    add_to_admin_menu = True
    form_fields = ["school", "approver"]
    list_display = ["school", "approver"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_plan_approvers():
    return SchoolPlanApproverViewSet("plan_approvers")
