"""Hub staff manage cohorts, enrolments, sessions, assessments and intake in the Wagtail admin.

Course content (CoursePage, ModulePage, assignments, rubric) is edited as pages. Access is
a permission policy: hub staff, nobody else (the Hub editors group carries no model
permissions for these, and coordinators work on the site pages instead).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from community.models import Role
from community.permissions import is_hub_staff

from ..models import (
    Assessment,
    CoachingSession,
    Cohort,
    CohortSession,
    Enrolment,
    IntakeApplication,
)


class HubStaffPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return is_hub_staff(user)

    def user_has_any_permission(self, user, actions):
        return is_hub_staff(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(
            Q(is_superuser=True) | Q(memberships__role=Role.HUB_STAFF), is_active=True
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


for _model in (Cohort, Enrolment, CohortSession, Assessment, CoachingSession, IntakeApplication):
    register_permission_policy(_model, HubStaffPermissionPolicy(_model), exact_class=True)


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    form_fields = ["course", "name", "start_date", "end_date", "coordinator", "coaches", "assessors"]
    list_display = ["name", "course", "start_date", "end_date", "coordinator"]
    list_filter = ["course", "start_date"]
    search_fields = ["name"]
    copy_view_enabled = False


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    form_fields = ["cohort", "person", "coach", "status", "enrolled_on", "completed_on"]
    list_display = ["person", "cohort", "coach", "status", "enrolled_on"]
    list_filter = ["cohort", "status"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    copy_view_enabled = False


class CohortSessionEditView(EditView):
    def save_instance(self):
        changed = {"starts_at", "ends_at", "place"} & set(self.form.changed_data)
        instance = super().save_instance()
        if changed:
            from ..services.programmes import cohort_session_changed

            cohort_session_changed(session=instance)
        return instance


class CohortSessionViewSet(ModelViewSet):
    model = CohortSession
    edit_view_class = CohortSessionEditView
    icon = "date"
    menu_label = _("Sessions")
    form_fields = ["cohort", "starts_at", "ends_at", "place", "topic"]
    list_display = ["topic", "cohort", "starts_at", "place"]
    list_filter = ["cohort"]
    search_fields = ["topic", "place"]


class AssessmentViewSet(ModelViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    form_fields = ["enrolment", "kind", "date", "assessor", "outcome", "feedback"]
    list_display = ["enrolment", "kind", "date", "assessor", "outcome", "released_at"]
    list_filter = ["kind", "outcome"]
    copy_view_enabled = False


class CoachingSessionViewSet(ModelViewSet):
    model = CoachingSession
    icon = "comment"
    menu_label = _("Coaching sessions")
    form_fields = ["enrolment", "coach", "date", "lesson_observed", "focus", "agreements", "hours"]
    list_display = ["enrolment", "coach", "date", "lesson_observed"]
    list_filter = ["date"]
    copy_view_enabled = False


class IntakeApplicationViewSet(ModelViewSet):
    model = IntakeApplication
    icon = "form"
    menu_label = _("Intake applications")
    form_fields = [
        "course", "first_name", "last_name", "email", "phone", "employer", "background", "motivation",
        "availability", "status", "decision_reason",
    ]
    list_display = ["full_name", "employer", "background", "status", "submitted_at"]
    list_filter = ["status", "background", "submitted_at"]
    search_fields = ["first_name", "last_name", "email", "employer"]
    copy_view_enabled = False


class ProgrammesViewSetGroup(ModelViewSetGroup):
    menu_label = _("Cohorts and intake")
    menu_icon = "group"
    menu_order = 250
    items = (
        CohortViewSet("programme_cohorts"),
        EnrolmentViewSet("programme_enrolments"),
        CohortSessionViewSet("programme_sessions"),
        AssessmentViewSet("programme_assessments"),
        CoachingSessionViewSet("programme_coaching"),
        IntakeApplicationViewSet("programme_intake"),
    )


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammesViewSetGroup()
