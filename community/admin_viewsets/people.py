"""Hub staff manage organisations, teams, people and memberships in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from ..models import Membership, Organisation, Person, Team


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "school_type", "brin", "city"]
    list_filter = ["kind", "school_type"]
    search_fields = ["name", "brin", "city"]
    list_export = ["name", "kind", "school_type", "brin", "city", "website"]
    export_filename = "organisations"
    form_fields = ["name", "kind", "school_type", "brin", "city", "website", "profiles_offered"]
    inspect_view_enabled = True


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
