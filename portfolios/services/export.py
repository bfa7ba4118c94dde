"""The teacher's dossier as a document to hand over (PDF, WeasyPrint) and as a ZIP (JSON + files).

The teacher chooses what goes in (forms.export.ExportForm); both formats hold the same choice.
The PDF is rendered from an HTML template by WeasyPrint, which needs Debian's pango
(`libpango-1.0-0 libpangoft2-1.0-0`): `pdf_problem()` says what is missing instead of failing.
"""

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from community.formatting import hours as format_hours
from community.formatting import money
from community.params import int_or_none

from ..models import (
    Attachment,
    DevelopmentPlan,
    EntryKind,
    NeedsInventoryResponse,
    PortfolioEntry,
    Showcase,
)
from .progress import budget_for, hours_done_for_plans

CERTIFICATE_KINDS = (EntryKind.CERTIFICATE, EntryKind.COURSE_COMPLETION)
PDF_INSTALL_HINT = "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0"


def pdf_problem() -> str:
    """'' when PDFs can be made, else what is missing (in words an administrator can act on)."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return _("The PDF library WeasyPrint is not installed on the server.")
    except OSError as error:  # pango or a library it loads is missing
        return _("The server lacks the system library pango that PDFs need (%(error)s). Install it with: %(hint)s") % {
            "error": error, "hint": PDF_INSTALL_HINT,
        }
    return ""


def _school_year_of(day: date) -> str:
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def _hours_per_year(person, plans) -> list[dict]:
    plans = list(plans)
    done = hours_done_for_plans(plans)
    by_year = {p.school_year: {"school_year": p.school_year, "done": done[p.pk], "target": p.hours_target} for p in plans}
    entries = PortfolioEntry.objects.filter(owner=person, hours__gt=0).values_list("date", "hours")
    extra = {}
    for day, hours in entries:
        year = _school_year_of(day)
        if year not in by_year:
            extra[year] = extra.get(year, Decimal("0")) + hours
    for year, hours in extra.items():
        by_year[year] = {"school_year": year, "done": hours, "target": None}
    return [by_year[year] for year in sorted(by_year, reverse=True)]


def _plain(html: str) -> str:
    return strip_tags(html or "").strip()


def dossier_data(person, choice: dict) -> dict:
    """The chosen parts, ready for the PDF template and the JSON (labels, never codes)."""
    from ..reports.authorisation import teacher_statuses

    data = {
        "person": person,
        "name": person.get_full_name() or person.email,
        "exported_on": timezone.localdate(),
        "schools": sorted({m.organisation.name for m in person.active_memberships if m.organisation.is_school}),
        "choice": choice,
    }
    if choice.get("qualifications"):
        from ..models import QualificationRecord

        data["qualifications"] = list(
            QualificationRecord.objects.filter(person=person).select_related("qualification", "direct_profile")
        )
        data["statuses"] = teacher_statuses(person)
    plans = list(
        DevelopmentPlan.objects.filter(pk__in=[p.pk for p in choice.get("plans") or []], person=person)
        .prefetch_related("goals__activities", "goals__profile", "events__actor")
        .order_by("-school_year")
    )
    for plan in plans:
        plan.export_budget = budget_for(plan)
    data["plans"] = plans
    if choice.get("hours"):
        data["hours_per_year"] = _hours_per_year(person, DevelopmentPlan.objects.filter(person=person))
    chosen = {e.pk for e in choice.get("entries") or []}
    if choice.get("certificates"):
        chosen |= set(PortfolioEntry.objects.filter(owner=person, kind__in=CERTIFICATE_KINDS).values_list("pk", flat=True))
    entries = list(
        PortfolioEntry.objects.filter(owner=person, pk__in=chosen)
        .prefetch_related("tags", "attachments", "goals")
        .order_by("-date", "-pk")
    )
    data["certificates"] = [e for e in entries if e.kind in CERTIFICATE_KINDS] if choice.get("certificates") else []
    certificate_ids = {e.pk for e in data["certificates"]}
    data["entries"] = [e for e in entries if e.pk not in certificate_ids]
    if choice.get("self_assessments"):
        data["responses"] = list(
            NeedsInventoryResponse.objects.filter(person=person, submitted_at__isnull=False)
            .select_related("round")
            .order_by("-round__school_year")
        )
    showcase = Showcase.objects.filter(owner=person).live().order_by("-expires_at").first()
    data["showcase"] = showcase
    data["showcase_url"] = (
        settings.SITE_URL + reverse("portfolios:showcase_public", kwargs={"token": showcase.token}) if showcase else ""
    )
    return data


def _fetcher(person):
    """WeasyPrint loads `attachment:<pk>` from the private storage (this person's files only), nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class DossierFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            pk = url.split(":", 1)[1] if url.startswith("attachment:") else ""
            attachment = Attachment.objects.filter(pk=pk, entry__owner=person).first() if int_or_none(pk) is not None else None
            if attachment is None:
                raise ValueError("Only the person's own attachments are loaded.")
            with attachment.file.open("rb") as handle:
                body = handle.read()
            return URLFetcherResponse(url, body, {"Content-Type": attachment.content_type})

    return DossierFetcher(allowed_protocols={"attachment"})


def build_html(person, choice: dict) -> str:
    return render_to_string("portfolios/export/dossier_pdf.html", dossier_data(person, choice))


def build_pdf(person, choice: dict) -> bytes:
    from weasyprint import HTML

    html = build_html(person, choice)
    return HTML(string=html, url_fetcher=_fetcher(person), base_url=str(settings.BASE_DIR)).write_pdf()


# ZIP: the same choice, with the files and a JSON with readable labels -----------------------


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _entry_json(entry, files) -> dict:
    return {
        _("Title"): entry.title,
        _("Kind"): entry.get_kind_display(),
        _("Date"): entry.date,
        _("Hours"): format_hours(entry.hours),
        _("Text"): _plain(entry.text),
        _("Tags"): [t.name for t in entry.tags.all()],
        _("Competence requirements"): [str(label) for label in entry.requirement_labels()],
        _("Learning goals"): [g.title for g in entry.goals.all()],
        _("Files"): files,
    }


def _plan_json(plan) -> dict:
    budget = plan.export_budget
    return {
        _("School year"): plan.school_year,
        _("Status"): plan.get_status_display(),
        _("Hours target"): format_hours(plan.hours_target),
        _("Budget"): money(budget.budget),
        _("Spent"): money(budget.spent),
        _("Planned, not yet done"): money(budget.planned),
        _("Remaining"): money(budget.remaining),
        _("Reflection"): plan.reflection,
        _("Learning goals"): [
            {
                _("Goal"): goal.title,
                _("Why"): goal.why,
                _("Competence requirement"): goal.get_requirement_display(),
                _("Profile"): goal.profile.name if goal.profile else "",
                _("How you will know"): goal.success_criteria,
                _("Target date"): goal.target_date,
                _("Status"): goal.get_status_display(),
                _("Activities"): [
                    {
                        _("Description"): a.description,
                        _("Kind"): a.get_form_display(),
                        _("Hours"): format_hours(a.planned_hours),
                        _("Cost"): money(a.cost),
                        _("Done"): _("yes") if a.completed else _("no"),
                    }
                    for a in goal.activities.all()
                ],
            }
            for goal in plan.goals.all()
        ],
    }


def build_zip(person, choice: dict) -> bytes:
    data = dossier_data(person, choice)
    out = {
        _("Name"): data["name"],
        _("Exported on"): data["exported_on"],
        _("Schools"): data["schools"],
    }
    if "qualifications" in data:
        out[_("Qualifications")] = [
            {
                _("Qualification"): record.title,
                _("Date obtained"): record.obtained_on,
                _("Verification"): record.get_state_display(),
            }
            for record in data["qualifications"]
        ]
        out[_("Authorisation per profile")] = [
            {_("School"): school.name, _("Profile"): s.profile.name, _("Status"): str(s.label), _("Next step"): s.next_step}
            for school, statuses in data["statuses"]
            for s in statuses
        ]
    if data["plans"]:
        out[_("Development plans")] = [_plan_json(plan) for plan in data["plans"]]
    if "hours_per_year" in data:
        out[_("Hours per school year")] = [
            {
                _("School year"): row["school_year"],
                _("Hours done"): format_hours(row["done"]),
                _("Hours target"): format_hours(row["target"]) if row["target"] is not None else "",
            }
            for row in data["hours_per_year"]
        ]
    if "responses" in data:
        out[_("Self-assessments (private)")] = [
            {
                _("Round"): r.round.school_year,
                **{str(label): str(answer or "") for label, answer in r.assessments()},
            }
            for r in data["responses"]
        ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for key, entries in ((_("Certificates"), data["certificates"]), (_("Portfolio"), data["entries"])):
            rows = []
            for entry in entries:
                files = []
                for attachment in entry.attachments.all():
                    arcname = f"bestanden/{entry.date:%Y-%m-%d}-{entry.pk}/{attachment.name}"
                    try:
                        with attachment.file.open("rb") as handle:
                            archive.writestr(arcname, handle.read())
                    except OSError:
                        continue
                    files.append(arcname)
                rows.append(_entry_json(entry, files))
            if rows:
                out[key] = rows
        if data["showcase_url"]:
            out[_("Presentation link")] = data["showcase_url"]
        archive.writestr("dossier.json", json.dumps(out, default=_json_default, ensure_ascii=False, indent=2))
        archive.writestr(
            "LEESMIJ.txt",
            _(
                "Your dossier from TechniekHub: dossier.json holds the parts you chose, with readable labels; "
                "the folder 'bestanden' holds the files. It holds personal data: keep it safe."
            )
            + "\n",
        )
    return buffer.getvalue()
