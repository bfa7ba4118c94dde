"""Hub staff see and handle erasure requests in the Wagtail admin (anonymising is on the site page)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import ErasureRequest, Person, Role
from ..permissions import is_hub_staff


class HubStaffPermissionPolicy(ModelPermissionPolicy):
    """Only hub staff (and superusers) handle erasure requests."""

    def user_has_permission(self, user, action):
        return is_hub_staff(user)

    def user_has_any_permission(self, user, actions):
        return is_hub_staff(user)

    def users_with_any_permission(self, actions):
        return Person.objects.filter(memberships__role=Role.HUB_STAFF).distinct() | Person.objects.filter(is_superuser=True)


register_permission_policy(ErasureRequest, HubStaffPermissionPolicy(ErasureRequest))


class ErasureRequestForm(WagtailAdminModelForm):
    class Meta:
        model = ErasureRequest
        fields = ["status", "note"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == ErasureRequest.Status.HANDLED and self.instance.status != ErasureRequest.Status.HANDLED:
            raise forms.ValidationError(
                _("Use \"Anonymise\" on the erasure requests page: it erases the data and marks the request handled.")
            )
        return status


class ErasureRequestEditView(EditView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        if instance.status != ErasureRequest.Status.OPEN and "status" in self.form.changed_data:
            instance.handled_by = self.request.user
            instance.handled_at = timezone.now()
        instance.save()
        return instance


class ErasureRequestViewSet(ModelViewSet):
    model = ErasureRequest
    icon = "warning"
    menu_label = _("Erasure requests")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["person", "created", "status", "handled_by", "handled_at"]
    list_filter = ["status"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    # Status and note only: anonymising is done on the site page, so it runs in one transaction.
    form_fields = ["status", "note"]
    edit_view_class = ErasureRequestEditView

    def get_form_class(self, for_update=False):
        return ErasureRequestForm
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["person", "created", "reason", "status", "handled_by", "handled_at", "note"]


erasure_requests_admin = ErasureRequestViewSet("erasure_request")
