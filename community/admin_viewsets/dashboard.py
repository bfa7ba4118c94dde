"""Hub staff's CMS dashboard (/admin/): what needs them, and whether the periodic jobs ran."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from ..models import ErasureRequest
from ..permissions import is_hub_staff
from ..scheduling import last_runs


class HubPanel(Component):
    """A dashboard panel in Wagtail's look: heading, rows, optional link to everything."""

    template_name = "community/cms/dashboard_panel.html"
    heading = ""
    empty = ""

    def rows(self, request):
        return []

    def link(self):
        return None

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {
            "heading": self.heading, "empty": self.empty, "rows": self.rows(self.request),
            "link": self.link(), "panel_name": self.name,
        }


class PagesInModerationPanel(HubPanel):
    name = "hub_pages_in_moderation"
    order = 90
    heading = _("Pages in moderation")
    empty = _("No pages are waiting for review.")

    def rows(self, request):
        states = (
            WorkflowState.objects.active().filter(content_type__app_label__in=["community", "courses", "wagtailcore"])
            .select_related("requested_by").order_by("created_at")[:10]
        )
        rows = []
        for state in states:
            page = state.content_object
            if page is None:
                continue
            rows.append({
                "label": page.get_admin_display_title(),
                "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "detail": _("sent by %(name)s") % {"name": state.requested_by or "—"},
            })
        return rows


class ErasureRequestsPanel(HubPanel):
    name = "hub_erasure_requests"
    order = 95
    heading = _("Open erasure requests")
    empty = _("No open erasure requests.")

    def rows(self, request):
        return [
            {
                "label": str(req.person),
                "url": reverse("community:erasure_requests"),
                "detail": _("requested on %(date)s") % {"date": req.created.date().isoformat()},
            }
            for req in ErasureRequest.objects.open().select_related("person").order_by("created")[:10]
        ]

    def link(self):
        return {"url": reverse("community:erasure_requests"), "label": _("All erasure requests")}


class PeriodicJobsPanel(HubPanel):
    name = "hub_periodic_jobs"
    order = 300
    heading = _("Periodic jobs: last runs")
    empty = _("No periodic jobs are registered.")

    def rows(self, request):
        from django.utils import formats, timezone

        rows = []
        for job, run in last_runs():
            if run is None:
                detail = _("not run yet")
            else:
                when = formats.date_format(timezone.localtime(run.finished_at or run.started_at), "SHORT_DATETIME_FORMAT")
                detail = f"{run.get_status_display()} · {when}"
            rows.append({"label": job.label, "detail": detail, "failed": bool(run and run.status == "failed")})
        return rows


def hub_dashboard_panels(request, panels):
    if is_hub_staff(request.user):
        panels.extend([PagesInModerationPanel(request), ErasureRequestsPanel(request), PeriodicJobsPanel(request)])
