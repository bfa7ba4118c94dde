"""Hub staff manage organisations, teams, people and memberships in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from ..models import Membership, Organisation, Person, Team
from ..permissions import is_hub_staff
from ..services.organisations import (
    organisation_archive,
    organisation_delete,
    organisation_has_history,
)


class OrganisationDeleteView(DeleteView):
    """Delete only what never had people or records; everything else is archived instead."""

    def dispatch(self, request, *args, **kwargs):
        if organisation_has_history(self.object):
            return redirect("organisation:archive", pk=self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        organisation_delete(organisation=self.object)


class ArchiveForm(forms.Form):
    end_date = forms.DateField(
        label=_("End date"),
        help_text=_("Memberships end on this date; from then the organisation drops out of lists and figures."),
        widget=forms.DateInput(attrs={"type": "date", "aria-describedby": "end-date-help"}, format="%Y-%m-%d"),
    )


def organisation_archive_view(request, pk):
    if not (is_hub_staff(request.user) and request.user.has_perm("community.change_organisation")):
        raise PermissionDenied
    organisation = get_object_or_404(Organisation, pk=pk)
    form = ArchiveForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            ended = organisation_archive(organisation=organisation, on=form.cleaned_data["end_date"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("%(name)s is archived; %(count)s memberships ended.") % {
                "name": organisation.name, "count": ended,
            })
            return redirect("organisation:index")
    return TemplateResponse(request, "community/cms/organisation_archive.html", {
        "organisation": organisation,
        "form": form,
        "running": Membership.objects.filter(organisation=organisation, end_date__isnull=True).count(),
        "index_url": reverse("organisation:index"),
    })


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "school_type", "brin", "city", "archived_on"]
    list_filter = ["kind", "school_type", "archived_on"]
    search_fields = ["name", "brin", "city"]
    list_export = ["name", "kind", "school_type", "brin", "city", "website", "archived_on"]
    export_filename = "organisations"
    # archived_on is set by archiving (which ends the memberships), never typed in.
    form_fields = ["name", "kind", "school_type", "brin", "city", "website", "profiles_offered"]
    inspect_view_enabled = True
    delete_view_class = OrganisationDeleteView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("archive/<int:pk>/", organisation_archive_view, name="archive")]


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "organisation__name"]
    list_export = ["name", "organisation"]
    export_filename = "teams"
    form_fields = ["organisation", "name"]


class PersonViewSet(ModelViewSet):
    model = Person
    name = "people"
    icon = "user"
    menu_label = _("People")
    list_display = ["__str__", "email", "listed_in_directory", "is_active"]
    list_filter = ["listed_in_directory", "is_active"]
    search_fields = ["first_name", "last_name", "email"]
    list_export = ["first_name", "last_name", "email", "listed_in_directory", "is_active", "date_joined"]
    export_filename = "people"
    # No passwords here: people set their own through an invitation or a reset link.
    form_fields = ["first_name", "last_name", "email", "bio", "listed_in_directory", "is_active"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["first_name", "last_name", "email", "bio", "listed_in_directory", "is_active", "date_joined", "last_login"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "link"
    menu_label = _("Memberships")
    list_display = ["person", "organisation", "role", "team", "start_date", "end_date", "fte"]
    list_filter = ["role", "organisation", "start_date", "end_date"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "organisation__name"]
    list_export = ["person", "organisation", "role", "team", "start_date", "end_date", "fte"]
    export_filename = "memberships"
    form_fields = ["person", "organisation", "role", "team", "start_date", "end_date", "fte", "profiles"]

    index_view_class = type(
        "MembershipIndexView",
        (IndexView,),
        {"queryset": Membership.objects.select_related("person", "organisation", "team")},
    )


class PeopleAdminGroup(ModelViewSetGroup):
    menu_label = _("People & organisations")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, TeamViewSet, PersonViewSet, MembershipViewSet)


people_admin = PeopleAdminGroup()
