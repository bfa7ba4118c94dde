"""Internship offers in the Wagtail admin, for hub staff (the site has the review queue too)."""

from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from ..models import InternshipOffer, InternshipPlacement
from . import HubStaffPermissionPolicy

register_permission_policy(InternshipOffer, HubStaffPermissionPolicy(InternshipOffer))
register_permission_policy(InternshipPlacement, HubStaffPermissionPolicy(InternshipPlacement))


class InternshipOfferViewSet(ModelViewSet):
    model = InternshipOffer
    icon = "site"
    menu_label = gettext_lazy("Internship offers")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["title", "host", "kind", "status", "period_start", "places"]
    list_filter = ["status", "kind", "host"]
    list_export = ["title", "host", "kind", "status", "period_start", "period_end", "hours", "places"]
    search_fields = ["title", "description"]
    form_fields = [
        "host", "title", "kind", "description", "profiles", "tags", "period_start", "period_end", "hours",
        "places", "contact_name", "contact_email", "status", "review_note",
    ]


@hooks.register("register_admin_viewset")
def register_offer_viewset():
    return InternshipOfferViewSet("internship_offers")
