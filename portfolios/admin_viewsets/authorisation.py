"""Hub staff maintain the conversion table, growth numbers and the plan's target date in the
Wagtail admin. Rights come from the hub-staff role (HubStaffPolicy), not from Django groups."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from ..models import (
    AuthorisationSettings,
    ConversionRule,
    GrowthNeed,
    Outcome,
    Qualification,
    normalise_qualification,
)
from ..permissions import HubStaffPolicy

register_permission_policy(ConversionRule, HubStaffPolicy(ConversionRule))
register_permission_policy(GrowthNeed, HubStaffPolicy(GrowthNeed, allow_delete=True))


class ConversionRuleForm(WagtailAdminModelForm):
    qualification_name = forms.CharField(
        label=_("Qualification"), max_length=200,
        help_text=_("As printed in the source. Spelling variants (capitals, accents, c/k) match the existing name."),
    )

    class Meta:
        model = ConversionRule
        fields = ["profile", "outcome", "part", "condition", "source", "confirmed", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["qualification_name"] = self.instance.qualification.name
        self.order_fields(["qualification_name"])

    def clean(self):
        data = super().clean()
        name = (data.get("qualification_name") or "").strip()
        if not name:
            return data
        key = normalise_qualification(name)
        self._qualification = Qualification.objects.filter(key=key).first() or Qualification(name=name)
        if data.get("outcome") == Outcome.TEAM and not data.get("part"):
            self.add_error("part", _("A team row names the part it covers."))
        if data.get("outcome") != Outcome.TEAM and data.get("part"):
            self.add_error("part", _("Only team rows cover a part."))
        if data.get("active") and self._qualification.pk and data.get("profile"):
            clash = ConversionRule.objects.filter(
                qualification=self._qualification, profile=data["profile"], part=data.get("part") or "", active=True
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(None, _("An active row for this qualification and profile exists already; retire it first."))
        return data

    def save(self, commit=True):
        qualification = self._qualification
        if qualification.pk is None:
            qualification.save()
        self.instance.qualification = qualification
        return super().save(commit=commit)


class SkipUnchangedEditView(EditView):
    """Saving an unchanged form writes nothing, so history holds only real changes."""

    def save_instance(self):
        if not self.form.has_changed():
            return self.form.instance
        return super().save_instance()


class ConversionRuleViewSet(ModelViewSet):
    model = ConversionRule
    icon = "table"
    menu_label = _("Conversion table")
    add_to_admin_menu = False
    edit_view_class = SkipUnchangedEditView
    list_display = ["qualification", "profile", "outcome", "part", "condition", "confirmed", "active"]
    list_filter = ["profile", "outcome", "confirmed", "active"]
    search_fields = ["qualification__name", "condition", "source"]
    search_backend_name = None
    list_per_page = 50
    list_export = ["qualification", "profile", "outcome", "part", "condition", "source", "active"]
    export_filename = "conversietabel"

    def get_form_class(self, for_update=False):
        return ConversionRuleForm


class GrowthNeedViewSet(ModelViewSet):
    model = GrowthNeed
    icon = "group"
    menu_label = _("Growth needs")
    add_to_admin_menu = False
    edit_view_class = SkipUnchangedEditView
    form_fields = ["profile", "school", "needed_by", "teachers", "note"]
    list_display = ["profile", "school", "needed_by", "teachers", "note"]
    list_filter = ["profile", "needed_by"]


class AuthorisationViewSetGroup(ViewSetGroup):
    menu_label = _("Authorisation")
    menu_icon = "tick-inverse"
    menu_order = 250
    items = (ConversionRuleViewSet("conversion_rules"), GrowthNeedViewSet("growth_needs"))


@hooks.register("register_admin_viewset")
def register_authorisation_viewsets():
    return AuthorisationViewSetGroup()


register_setting(AuthorisationSettings, icon="date")
