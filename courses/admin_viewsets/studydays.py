"""Study days in the Wagtail admin: speakers (snippets), registrations, and document privacy."""

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.admin_viewsets.dashboard import HubPanel
from community.permissions import is_hub_staff

from ..models import MaterialAudience, Speaker, StudyDayMaterial, StudyDayRegistration
from . import HubStaffPermissionPolicy

register_permission_policy(Speaker, HubStaffPermissionPolicy(Speaker))


class ReadOnlyHubStaffPolicy(HubStaffPermissionPolicy):
    """Registrations are changed on the site's participants page, through the one service that
    keeps capacity, the waitlist and the emails right; the admin only lists and inspects them."""

    def user_has_permission(self, user, action):
        return action == "view" and is_hub_staff(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and is_hub_staff(user)


register_permission_policy(StudyDayRegistration, ReadOnlyHubStaffPolicy(StudyDayRegistration))


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = gettext_lazy("Speakers")
    list_display = ["name", "affiliation"]
    search_fields = ["name", "affiliation"]


register_snippet(SpeakerViewSet)


class ParticipantsLinkColumn(Column):
    """Where a registration is changed: the study day's participants page on the site."""

    cell_template_name = "courses/studydays/admin_participants_cell.html"

    def __init__(self, name, **kwargs):
        super().__init__(name, label=gettext_lazy("Change"), **kwargs)

    def get_value(self, instance):
        return reverse("courses:studyday_participants", args=[instance.study_day_id])


class RegistrationViewSet(ModelViewSet):
    model = StudyDayRegistration
    icon = "list-ul"
    menu_label = gettext_lazy("Study-day registrations")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["person", "study_day", "status", "requested_at", "attended", ParticipantsLinkColumn("participants")]
    list_filter = ["status", "attended", "study_day"]
    list_export = ["person", "study_day", "status", "requested_at", "attended"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    form_fields = ["status", "attended"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("studyday_registrations")


@hooks.register("register_admin_menu_item")
def study_day_tools_menu_item():
    return MenuItem(
        gettext_lazy("Study days: check-in"), reverse("courses:studyday_manage"), icon_name="date", order=305,
    )


@hooks.register("before_serve_document")
def refuse_participant_material(document, request):
    """Participants-only study-day material is served to participants (and hub staff) only."""
    uses = list(
        StudyDayMaterial.objects.filter(document=document).values_list("audience", "page_id")
    )
    if not uses or any(audience == MaterialAudience.PUBLIC for audience, _page in uses):
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.get_full_path()}")
    if is_hub_staff(user) or user.has_perm("wagtaildocs.change_document"):
        return None
    if StudyDayRegistration.objects.filter(
        person=user, study_day_id__in=[page_id for _a, page_id in uses], status="confirmed"
    ).exists():
        return None
    return HttpResponseForbidden(_("This material is for participants of the study day only."))


class UpcomingStudyDaysPanel(HubPanel):
    name = "hub_upcoming_study_days"
    order = 92
    heading = gettext_lazy("Upcoming study days")
    empty = gettext_lazy("No study days are planned.")

    def rows(self, request):
        from django.db.models import Count, Q
        from django.utils import timezone

        from ..models import RegistrationStatus, StudyDayPage

        days = (
            StudyDayPage.objects.filter(date__gte=timezone.localdate()).order_by("date", "pk")
            .annotate(
                confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
                waitlisted=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
            )[:8]
        )
        return [
            {
                "label": f"{day.title} ({day.date:%d-%m-%Y})",
                "url": reverse("courses:studyday_participants", args=[day.pk]),
                "detail": _("%(confirmed)s of %(capacity)s places taken, %(waitlisted)s on the waitlist")
                % {"confirmed": day.confirmed, "capacity": day.capacity, "waitlisted": day.waitlisted},
            }
            for day in days
        ]


@hooks.register("construct_homepage_panels")
def add_upcoming_study_days_panel(request, panels):
    if is_hub_staff(request.user):
        panels.append(UpcomingStudyDaysPanel(request))
