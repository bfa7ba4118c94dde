"""Hub figures and the teacher's own exports."""

import logging

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from community.exports import tabular_response
from community.permissions import is_hub_staff
from community.personal_data import erasure_details

from ..forms.export import ExportForm
from ..reports import dossier as reports
from ..services import export
from ..services.dossier import school_year_of

logger = logging.getLogger(__name__)


@login_required
def figures(request):
    if not is_hub_staff(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    rows, region = reports.hub_figures(today)
    deepening = reports.needs_deepening_counts(today)
    if request.GET.get("format") in ("csv", "xlsx"):
        headers = [
            _("School"), _("Technical teachers"), _("Agreed plan"), _("Did a development activity"),
            _("Hours done"), _("Hours target"),
        ]
        data = [
            [r.school.name if r.school else _("Region"), r.teachers, r.agreed_plans, r.developed, r.hours_done, r.hours_target]
            for r in [*rows, region]
        ]
        return tabular_response(headers, data, filename=f"dossier-figures-{school_year_of(today)}", file_format=request.GET["format"])
    return render(
        request,
        "portfolios/dossier/figures.html",
        {
            "rows": rows,
            "region": region,
            "school_year": school_year_of(today),
            "deepening": deepening,
            "target_date": reports.DEVELOPMENT_TARGET_DATE,
        },
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _export_form(request):
    return ExportForm(request.GET, owner=request.user)


@login_required
def export_pdf(request):
    form = _export_form(request)
    problem = export.pdf_problem()
    if problem:
        logger.error("Dossier PDF unavailable: %s", problem)
        return render(
            request,
            "portfolios/dossier/export.html",
            {"form": form, "pdf_problem": problem, "erasure_details": erasure_details()},
            status=503,
        )
    stamp = timezone.localdate().isoformat()
    return _download(export.build_pdf(request.user, form.choice()), "application/pdf", f"dossier-{stamp}.pdf")


@login_required
def export_zip(request):
    form = _export_form(request)
    stamp = timezone.localdate().isoformat()
    return _download(export.build_zip(request.user, form.choice()), "application/zip", f"dossier-{stamp}.zip")


@login_required
def export_page(request):
    return render(
        request,
        "portfolios/dossier/export.html",
        {"form": _export_form(request), "pdf_problem": export.pdf_problem(), "erasure_details": erasure_details()},
    )
