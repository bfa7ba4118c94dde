"""The teacher's whole dossier as a readable PDF and as a ZIP (JSON plus the files).

The PDF uses fpdf2's core font (pure Python, no system libraries). Core fonts are latin-1:
Dutch letters (ë, é, ï) are in it; other characters are replaced by a close latin-1 form.
"""

import io
import json
import re
import unicodedata
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..models import DevelopmentPlan, NeedsInventoryResponse, PortfolioEntry, Showcase

REPLACEMENTS = {
    "\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2026": "...", "\u20ac": "EUR", "\u2192": "->", "\u2022": "-", "\u00a0": " ",
}


def latin1(text) -> str:
    text = str(text or "")
    for char, replacement in REPLACEMENTS.items():
        text = text.replace(char, replacement)
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append(decomposed or "?")
    return "".join(out)


def _plain(html: str) -> str:
    text = re.sub(r"</(p|li|h3|h4|blockquote)>|<br\s*/?>", "\n", html or "")
    text = re.sub(r"<li>", "- ", text)
    return strip_tags(text).strip()


def _dossier(person):
    plans = (
        DevelopmentPlan.objects.filter(person=person)
        .prefetch_related("goals__activities", "goals__profile", "events__actor")
        .order_by("-school_year")
    )
    entries = PortfolioEntry.objects.filter(owner=person).prefetch_related(
        "tags", "attachments", "goals", "shared_with_people"
    )
    responses = NeedsInventoryResponse.objects.filter(person=person).select_related("round").prefetch_related(
        "profiles_taught", "deepening_profiles", "upskilling_profiles"
    )
    showcases = Showcase.objects.filter(owner=person).prefetch_related("entries")
    return plans, entries, responses, showcases


NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


class _PDF(FPDF):
    def __init__(self, title):
        super().__init__(format="A4")
        self.doc_title = title
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, latin1(f"{self.doc_title} - {self.page_no()}"), align="C")


def build_pdf(person) -> bytes:
    plans, entries, responses, showcases = _dossier(person)
    title = _("Competence dossier of %(name)s") % {"name": person.get_full_name() or person.email}
    pdf = _PDF(latin1(title))
    pdf.add_page()
    width = pdf.epw

    def heading(text, size=15):
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", size)
        pdf.set_text_color(7, 63, 120)
        pdf.multi_cell(width, 8, latin1(text), **NEXT_LINE)
        pdf.set_text_color(0, 0, 0)

    def para(text, style="", size=10):
        if not text:
            return
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(width, 5.5, latin1(text), **NEXT_LINE)

    def field(label, value):
        if value in (None, "", []):
            return
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(width, 5.5, latin1(f"{label}:"), **NEXT_LINE)
        para(str(value))

    heading(title, 18)
    para(_("Exported on %(date)s from TechniekHub.") % {"date": timezone.localdate().strftime("%d-%m-%Y")}, "I", 9)
    pdf.ln(2)
    para(
        _(
            "Privacy (GDPR): this document holds your personal data. It is yours; keep it safe and share "
            "it only with whom you choose. You may ask TechniekHub for a copy of everything it holds about "
            "you, and for its correction or erasure."
        ),
        "I",
        9,
    )

    heading(_("Development plans"))
    if not plans:
        para(_("No development plan yet."))
    for plan in plans:
        heading(_("Plan %(year)s - %(status)s") % {"year": plan.school_year, "status": plan.get_status_display()}, 12)
        field(_("Hours target"), plan.hours_target)
        field(_("Development budget"), f"EUR {plan.budget:.2f}")
        for goal in plan.goals.all():
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(width, 5.5, latin1(f"- {goal.title} ({goal.get_status_display()})"), **NEXT_LINE)
            details = [
                goal.get_requirement_display(),
                goal.profile.code if goal.profile else "",
                goal.target_date.strftime("%d-%m-%Y") if goal.target_date else "",
            ]
            para("  " + " | ".join(d for d in details if d))
            para(goal.why)
            if goal.success_criteria:
                para(_("How I will know: %(criteria)s") % {"criteria": goal.success_criteria})
            for activity in goal.activities.all():
                done = _("done") if activity.completed else _("planned")
                para(
                    f"    * {activity.get_form_display()}: {activity.description} - "
                    f"{activity.planned_hours:g} h, EUR {activity.cost:.2f} ({done})"
                )
        field(_("Reflection"), plan.reflection)
        events = list(plan.events.all())
        if events:
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(width, 5.5, latin1(_("History")), **NEXT_LINE)
            for event in events:
                who = event.actor.get_full_name() if event.actor else ""
                line = f"{timezone.localtime(event.at):%d-%m-%Y %H:%M} {who}: {event.get_to_status_display()}"
                para(line + (f" - {event.comment}" if event.comment else ""), size=9)

    heading(_("Needs inventory"))
    if not responses:
        para(_("No inventory answers yet."))
    for response in responses:
        heading(_("Round %(year)s") % {"year": response.round.school_year}, 12)
        field(_("Profiles taught"), ", ".join(p.code for p in response.profiles_taught.all()))
        field(_("Authorisation status"), response.authorisation_status)
        for label, answer in response.assessments():
            field(label, answer)
        field(_("Upskilling for"), ", ".join(p.code for p in response.upskilling_profiles.all()))
        field(_("What I need for authorisation"), response.authorisation_needs)
        field(_("Deepening or broadening in"), ", ".join(p.code for p in response.deepening_profiles.all()))
        field(_("Topics"), response.deepening_topics)
        field(_("Preferred forms"), ", ".join(str(label) for label in response.preferred_form_labels()))

    heading(_("Portfolio"))
    if not entries:
        para(_("No portfolio entries yet."))
    for entry in entries:
        heading(f"{entry.date:%d-%m-%Y} - {entry.title}", 11)
        para(f"{entry.get_kind_display()} - {entry.hours:g} " + _("hours"), "I", 9)
        para(_plain(entry.text))
        tags = ", ".join(t.name for t in entry.tags.all())
        field(_("Tags"), tags)
        field(_("Competence requirements"), ", ".join(str(label) for label in entry.requirement_labels()))
        files = ", ".join(a.name for a in entry.attachments.all())
        field(_("Files (in the ZIP export)"), files)

    return bytes(pdf.output())


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def build_zip(person) -> bytes:
    plans, entries, responses, showcases = _dossier(person)
    data = {
        "exported_at": timezone.now(),
        "person": {"name": person.get_full_name(), "email": person.email},
        "privacy": _(
            "This file holds your personal data from TechniekHub (GDPR data portability). "
            "Keep it safe; you may ask for correction or erasure."
        ),
        "development_plans": [
            {
                "school_year": plan.school_year,
                "status": plan.status,
                "hours_target": plan.hours_target,
                "budget": plan.budget,
                "reflection": plan.reflection,
                "goals": [
                    {
                        "title": goal.title,
                        "why": goal.why,
                        "requirement": goal.requirement,
                        "profile": goal.profile.code if goal.profile else None,
                        "success_criteria": goal.success_criteria,
                        "target_date": goal.target_date,
                        "status": goal.status,
                        "activities": [
                            {
                                "kind": a.form,
                                "description": a.description,
                                "planned_hours": a.planned_hours,
                                "cost": a.cost,
                                "done": a.completed,
                            }
                            for a in goal.activities.all()
                        ],
                    }
                    for goal in plan.goals.all()
                ],
                "history": [
                    {
                        "at": e.at,
                        "by": e.actor.get_full_name() if e.actor else None,
                        "from": e.from_status,
                        "to": e.to_status,
                        "comment": e.comment,
                    }
                    for e in plan.events.all()
                ],
            }
            for plan in plans
        ],
        "needs_inventory": [
            {
                "round": r.round.school_year,
                "submitted_at": r.submitted_at,
                "profiles_taught": [p.code for p in r.profiles_taught.all()],
                "authorisation_status": r.authorisation_status,
                "self_assessment": {
                    "subject": r.subject_assessment,
                    "didactic": r.didactic_assessment,
                    "pedagogical": r.pedagogical_assessment,
                },
                "upskilling_profiles": [p.code for p in r.upskilling_profiles.all()],
                "authorisation_needs": r.authorisation_needs,
                "deepening_profiles": [p.code for p in r.deepening_profiles.all()],
                "deepening_topics": r.deepening_topics,
                "preferred_forms": r.preferred_forms,
                "remarks": r.remarks,
            }
            for r in responses
        ],
        "portfolio": [],
        "showcases": [
            {"title": s.title, "expires_at": s.expires_at, "revoked_at": s.revoked_at, "entries": [e.pk for e in s.entries.all()]}
            for s in showcases
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in entries:
            files = []
            for attachment in entry.attachments.all():
                arcname = f"files/{entry.pk}/{attachment.pk}-{attachment.name}"
                try:
                    with attachment.file.open("rb") as handle:
                        archive.writestr(arcname, handle.read())
                except (FileNotFoundError, OSError):
                    continue
                files.append(arcname)
            data["portfolio"].append(
                {
                    "id": entry.pk,
                    "kind": entry.kind,
                    "title": entry.title,
                    "date": entry.date,
                    "hours": entry.hours,
                    "text": entry.text,
                    "tags": [t.name for t in entry.tags.all()],
                    "requirements": entry.requirements,
                    "goals": [g.title for g in entry.goals.all()],
                    "recorded_from": entry.source_url or None,
                    "shared_with": {
                        "team_leader": entry.shared_with_team_leader,
                        "hr": entry.shared_with_hr,
                        "community": entry.shared_with_community,
                        "people": [p.get_full_name() for p in entry.shared_with_people.all()],
                    },
                    "files": files,
                }
            )
        archive.writestr(
            "dossier.json", json.dumps(data, default=_json_default, ensure_ascii=False, indent=2)
        )
        archive.writestr("LEESMIJ.txt", _plain(data["privacy"]) + "\n")
    return buffer.getvalue()
