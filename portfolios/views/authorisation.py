"""Authorisation pages: the teacher's records, HR's matrix, person page and import, the hub's inventory."""

import base64
import binascii

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from community.exports import tabular_response
from community.files import serve_private_file
from community.models import Organisation, Role, VmboProfile
from community.params import int_or_none, redirect_next
from community.permissions import hr_school_ids

from ..forms.authorisation import (
    ConfirmImportForm,
    ImportForm,
    InventoryFilterForm,
    MatrixFilterForm,
    QualificationRecordForm,
    StaffRecordForm,
)
from ..models import (
    ConversionRule,
    Qualification,
    QualificationRecord,
    StaffRecord,
    VerificationState,
)
from ..permissions import (
    can_edit_record,
    can_verify_record,
    can_view_inventory,
    can_view_matrix,
    hr_people,
    require,
)
from ..reports import authorisation as reports
from ..reports import inventory as inventories
from ..reports import matrix
from ..services import staff_import
from ..services.authorisation import (
    qualification_record_delete,
    qualification_record_save,
    qualification_record_verify,
    staff_record_set,
)

PAGE_SIZE = 50


# History -----------------------------------------------------------------------------------


# simple_history's own labels have no Dutch translation.
HISTORY_TYPES = {"+": gettext_lazy("Created"), "~": gettext_lazy("Changed"), "-": gettext_lazy("Deleted")}


def _history(person, *, with_staff_for=None):
    """Every change to the person's records (and HR's staff record): who, when, before → after."""
    labels = {
        "qualification_id": _("qualification"), "direct_profile_id": _("direct authorisation"),
        "grade": _("grade"), "obtained_on": _("date obtained"), "scan": _("diploma scan"),
        "state": _("verification"), "leaving_on": _("expected leaving date"),
    }
    names = dict(Qualification.objects.values_list("pk", "name"))
    codes = dict(VmboProfile.objects.values_list("pk", "code"))
    states = dict(VerificationState.choices)

    def show(field, value):
        if value in (None, ""):
            return "—"
        if field == "qualification_id":
            return names.get(value, "?")
        if field == "direct_profile_id":
            return codes.get(value, "?")
        if field == "state":
            return str(states.get(value, value))
        if field == "scan":
            return _("a file")
        return str(value)

    entries = []
    sources = [(QualificationRecord.history.filter(person_id=person.pk), list(labels)[:6], _("Record"))]
    if with_staff_for:
        sources.append((StaffRecord.history.filter(person_id=person.pk, school_id__in=with_staff_for), ["leaving_on"], _("HR data")))
    for queryset, fields, kind in sources:
        previous = {}
        for h in queryset.select_related("history_user").order_by("history_date", "history_id"):
            before = previous.get(h.id)
            changes = []
            for f in fields:
                old = getattr(before, f) if before is not None else None
                new = getattr(h, f)
                if h.history_type == "-":
                    continue
                if h.history_type == "+" and new in (None, ""):
                    continue
                if before is None or old != new:
                    changes.append((labels[f], show(f, old) if before is not None else "—", show(f, new)))
            if getattr(h, "qualification_id", None):
                subject = show("qualification_id", h.qualification_id)
            elif getattr(h, "direct_profile_id", None):
                subject = _("Authorisation %(profile)s") % {"profile": show("direct_profile_id", h.direct_profile_id)}
            else:
                subject = kind
            entries.append({
                "when": h.history_date, "who": h.history_user, "type": HISTORY_TYPES.get(h.history_type, h.history_type),
                "kind": kind, "subject": subject, "changes": changes, "reason": h.history_change_reason or "",
            })
            previous[h.id] = h
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


# The teacher's own records -----------------------------------------------------------------


def _with_rules(records):
    """[(record, its active conversion rules)], for showing what each qualification gives."""
    if hasattr(records, "select_related"):
        records = records.select_related("qualification", "direct_profile", "verified_by")
    records = list(records)
    rules = {}
    for rule in ConversionRule.objects.filter(
        active=True, qualification__in=[r.qualification_id for r in records if r.qualification_id]
    ).select_related("profile"):
        rules.setdefault(rule.qualification_id, []).append(rule)
    return [(r, rules.get(r.qualification_id, [])) for r in records]


@login_required
def mine(request):
    records = list(
        QualificationRecord.objects.filter(person=request.user).select_related("qualification", "direct_profile", "verified_by")
    )
    return render(request, "portfolios/authorisation/mine.html", {
        "schools": reports.teacher_statuses(request.user, records=records),
        "records": _with_rules(records),
        "history": _history(request.user),
    })


@login_required
def record_add(request):
    return _record_form(request, QualificationRecord(person=request.user), request.user, reverse("portfolios:authorisation_mine"))


@login_required
def record_edit(request, pk):
    record = get_object_or_404(QualificationRecord.objects.visible_to(request.user), pk=pk)
    require(can_edit_record(request.user, record))
    back = (
        reverse("portfolios:authorisation_mine") if record.person_id == request.user.pk
        else reverse("portfolios:authorisation_person", args=[record.person_id])
    )
    return _record_form(request, record, record.person, back)


def _record_form(request, record, person, back):
    form = QualificationRecordForm(request.POST or None, request.FILES or None, instance=record, person=person)
    if request.method == "POST" and form.is_valid():
        changed = qualification_record_save(record=form.save(commit=False), by=request.user, changed_fields=form.changed_data)
        if changed:
            messages.success(request, _("The qualification record is saved."))
        return redirect(back)
    return render(request, "portfolios/authorisation/record_form.html", {
        "form": form, "record": record, "person": person, "back": back, "for_self": person.pk == request.user.pk,
    })


@login_required
@require_POST
def record_delete(request, pk):
    record = get_object_or_404(QualificationRecord.objects.visible_to(request.user), pk=pk)
    require(can_edit_record(request.user, record))
    person_id = record.person_id
    qualification_record_delete(record=record, by=request.user)
    messages.success(request, _("The qualification record is removed."))
    if person_id == request.user.pk:
        return redirect("portfolios:authorisation_mine")
    return redirect("portfolios:authorisation_person", pk=person_id)


@login_required
@require_POST
def record_verify(request, pk):
    record = get_object_or_404(QualificationRecord.objects.visible_to(request.user), pk=pk)
    require(can_verify_record(request.user, record))
    if qualification_record_verify(record=record, by=request.user):
        messages.success(request, _("Verified: %(record)s.") % {"record": record.title})
    return redirect_next(request, "portfolios:authorisation_person", pk=record.person_id)


@login_required
def record_scan(request, pk):
    record = get_object_or_404(QualificationRecord.objects.visible_to(request.user), pk=pk)
    return serve_private_file(record.scan, inline=False)


# HR ----------------------------------------------------------------------------------------


def _hr_school(request, schools=None):
    """The school HR is looking at (HR of several schools picks one with ?school=).

    `schools`: HR's schools already read (the matrix lists them anyway: one query less).
    """
    require(can_view_matrix(request.user))
    school_ids = hr_school_ids(request.user)
    wanted = request.GET.get("school") or request.POST.get("school")
    wanted_id = int_or_none(wanted) if wanted else None
    if wanted and wanted_id not in school_ids:
        raise Http404
    if schools is not None:
        return next((s for s in schools if not wanted or s.pk == wanted_id), None)
    if wanted:
        return get_object_or_404(Organisation, pk=wanted_id)
    return Organisation.objects.filter(pk__in=school_ids).order_by("name").first()


def _matrix_people(request, school):
    """(form, columns, coverage, people): the filter form, the profile columns, the coverage
    of the profiles offered, and the teachers as a queryset with HR's filters applied."""
    from ..services.status_store import ensure_fresh

    ensure_fresh()
    profiles, columns, coverage = matrix.matrix_columns(school)
    form = MatrixFilterForm(request.GET or None, profiles=profiles)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, columns, coverage, matrix.matrix_people(school, timezone.localdate(), filters)


@login_required
def matrix_view(request):
    require(can_view_matrix(request.user))
    schools = list(Organisation.objects.filter(pk__in=hr_school_ids(request.user)).order_by("name"))
    school = _hr_school(request, schools)
    if school is None:
        raise Http404
    form, columns, coverage, people = _matrix_people(request, school)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = matrix.matrix_rows(school, page.object_list, columns, timezone.localdate())
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "portfolios/authorisation/matrix.html", {
        "school": school, "schools": schools, "form": form, "profiles": columns, "page_obj": page,
        "coverage": coverage, "total": page.paginator.count, "query": query.urlencode(),
    })


@login_required
def matrix_export(request):
    school = _hr_school(request)
    if school is None:
        raise Http404
    _form, columns, _coverage, people = _matrix_people(request, school)
    rows = matrix.matrix_rows(school, people, columns, timezone.localdate())
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    headers = [_("last name"), _("first name"), _("email"), *(p.code for p in columns),
               _("unverified records"), _("expected leaving date")]
    table = [
        [r.person.last_name, r.person.first_name, r.person.email,
         *(str(c.label) if c else "—" for c in r.ordered), r.unverified,
         r.leaving_on.isoformat() if r.leaving_on else ""]
        for r in rows
    ]
    return tabular_response(headers, table, filename=f"bevoegdheden-{school.brin or school.pk}", file_format=file_format)


def _hr_person(request, pk):
    require(can_view_matrix(request.user))
    return get_object_or_404(hr_people(request.user), pk=pk)


def _shared_school_ids(request, person):
    return set(
        person.memberships.active().filter(role__in=[Role.TEACHER, Role.TRAINEE], organisation_id__in=hr_school_ids(request.user))
        .values_list("organisation_id", flat=True)
    )


@login_required
def person_detail(request, pk):
    person = _hr_person(request, pk)
    school_ids = _shared_school_ids(request, person)
    data = reports.StatusData.load(on=timezone.localdate(), school_ids=school_ids)
    schools = Organisation.objects.filter(pk__in=school_ids).order_by("name")
    staff = {s.school_id: s for s in StaffRecord.objects.filter(person=person, school_id__in=school_ids)}
    return render(request, "portfolios/authorisation/person.html", {
        "person": person,
        "schools": [(s, data.statuses_of(s.pk, person.pk), staff.get(s.pk)) for s in schools],
        "records": _with_rules(QualificationRecord.objects.filter(person=person)),
        "history": _history(person, with_staff_for=school_ids),
    })


@login_required
def person_record_add(request, pk):
    person = _hr_person(request, pk)
    return _record_form(
        request, QualificationRecord(person=person), person, reverse("portfolios:authorisation_person", args=[pk])
    )


@login_required
def person_staff_edit(request, pk, school_pk):
    person = _hr_person(request, pk)
    if school_pk not in _shared_school_ids(request, person):
        raise Http404
    school = get_object_or_404(Organisation, pk=school_pk)
    record = StaffRecord.objects.filter(person=person, school=school).first() or StaffRecord(person=person, school=school)
    form = StaffRecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        if staff_record_set(person=person, school=school, leaving_on=form.cleaned_data["leaving_on"], by=request.user):
            messages.success(request, _("The expected leaving date is saved."))
        return redirect("portfolios:authorisation_person", pk=person.pk)
    return render(request, "portfolios/authorisation/staff_form.html", {"form": form, "person": person, "school": school})


@login_required
def import_staff(request):
    school = _hr_school(request)
    plan = None
    confirm = None
    if request.method == "POST" and "data" in request.POST:
        confirm_form = ConfirmImportForm(request.POST)
        try:
            raw = base64.b64decode(confirm_form.data.get("data", ""), validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        form = ImportForm()
        try:
            plan = staff_import.plan_import(
                staff_import.read_rows(raw, request.POST.get("filename", "")), school_ids=hr_school_ids(request.user)
            )
        except staff_import.ImportFileError as error:
            form.add_error(None, str(error))
        else:
            if plan.ok:
                count = staff_import.apply_import(plan, by=request.user)
                messages.success(
                    request,
                    ngettext("Import done: %(count)s change written.", "Import done: %(count)s changes written.", count)
                    % {"count": count},
                )
                if plan.new_people:
                    # The import offers the next step: new people cannot log in until they activate.
                    messages.info(request, ngettext(
                        "%(count)s new person cannot log in yet: send them an activation email below.",
                        "%(count)s new people cannot log in yet: send them an activation email below.",
                        plan.new_people,
                    ) % {"count": plan.new_people})
                    return redirect("community:activation_list")
                return redirect(reverse("portfolios:authorisation_matrix") + f"?school={school.pk}")
    else:
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            raw = upload.read()
            try:
                plan = staff_import.plan_import(
                    staff_import.read_rows(raw, upload.name), school_ids=hr_school_ids(request.user)
                )
            except staff_import.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                if plan.ok and plan.changes:
                    confirm = ConfirmImportForm(initial={"data": base64.b64encode(raw).decode(), "filename": upload.name})
    return render(request, "portfolios/authorisation/import.html", {
        "form": form, "plan": plan, "confirm": confirm, "school": school,
    })


@login_required
def import_template(request):
    require(can_view_matrix(request.user) or can_view_inventory(request.user))
    headers, rows = staff_import.template_rows()
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return tabular_response(headers, rows, filename="personeel-import-sjabloon", file_format=file_format)


# Hub: the regional inventory ---------------------------------------------------------------


@login_required
def inventory(request):
    require(can_view_inventory(request.user))
    form = InventoryFilterForm(request.GET or None)
    on, until, school = form.values()
    inv = inventories.inventory(on=on, until=until, school=school)
    # The school rows grow with the region: paginated, the total row always shown.
    schools_page = Paginator(inv.targets[:-1], PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "portfolios/authorisation/inventory.html", {
        "form": form, "inv": inv, "query": query.urlencode(), "page_obj": schools_page, "total_row": inv.targets[-1],
        "school_matches": None if school else form.school_matches(),
    })


@login_required
def inventory_export(request):
    require(can_view_inventory(request.user))
    form = InventoryFilterForm(request.GET or None)
    on, until, school = form.values()
    headers, rows = inventories.inventory_table(inventories.inventory(on=on, until=until, school=school))
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    suffix = school.brin if school and school.brin else "regio"
    return tabular_response(headers, rows, filename=f"inventarisatie-{suffix}-{on.isoformat()}", file_format=file_format)
