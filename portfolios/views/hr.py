"""HR's inbox of records waiting for a check (bulk verify, reject with a reason) and its change log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.exports import tabular_response
from community.params import ids as submitted_ids
from community.params import int_or_none
from community.permissions import hr_school_ids

from ..forms.authorisation import InventoryFilterForm
from ..forms.hr import ChangeLogFilterForm, RejectForm
from ..models import QualificationRecord
from ..permissions import can_verify_record, can_view_matrix, hr_people, require
from ..reports import authorisation as reports
from ..reports import inventory as inventories
from ..reports.hr_changes import change_log, change_log_table
from ..services.authorisation import qualification_record_reject, qualification_records_verify

PAGE_SIZE = 100


def _waiting(user):
    """Records of HR's staff waiting for a check, oldest first (never HR's own)."""
    return (
        QualificationRecord.objects.visible_to(user).unverified().exclude(person=user)
        .select_related("person", "qualification", "direct_profile").order_by("submitted_at", "pk")
    )


@login_required
def inbox(request):
    require(can_view_matrix(request.user))
    if request.method == "POST":
        ids = submitted_ids(request.POST.getlist("record"))
        records = list(_waiting(request.user).filter(pk__in=ids))
        count = qualification_records_verify(records=[r for r in records if can_verify_record(request.user, r)], by=request.user)
        if count:
            messages.success(request, ngettext(
                "%(count)s record verified.", "%(count)s records verified.", count) % {"count": count})
        else:
            messages.error(request, _("Choose at least one record."))
        return redirect("portfolios:hr_inbox")
    page_obj = Paginator(_waiting(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portfolios/hr/inbox.html", {"page_obj": page_obj})


@login_required
def record_reject(request, pk):
    record = get_object_or_404(QualificationRecord.objects.visible_to(request.user).exclude(person=request.user), pk=pk)
    require(can_verify_record(request.user, record))
    form = RejectForm(request.POST or None, initial={"reason": record.rejection_reason})
    if request.method == "POST" and form.is_valid():
        qualification_record_reject(record=record, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Rejected: %(record)s. %(name)s sees your reason.") % {
            "record": record.title, "name": record.person.get_full_name(),
        })
        return redirect("portfolios:hr_inbox")
    return render(request, "portfolios/hr/reject.html", {"form": form, "record": record})


def _log(request):
    require(can_view_matrix(request.user))
    school_ids = hr_school_ids(request.user)
    people = hr_people(request.user).order_by("sort_name", "pk")
    form = ChangeLogFilterForm(request.GET or None, people=people)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = change_log(
        school_ids=school_ids, person=filters.get("person"), start=filters.get("start"), end=filters.get("end"),
    )
    return form, entries


@login_required
def change_log_view(request):
    form, entries = _log(request)
    page_obj = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "portfolios/hr/change_log.html", {"form": form, "page_obj": page_obj, "query": query.urlencode()})


@login_required
def change_log_export(request):
    _form, entries = _log(request)
    headers, rows = change_log_table(entries)
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return tabular_response(headers, rows, filename="wijzigingen-personeel", file_format=file_format)




@login_required
def school_figures(request):
    """HR: its own school's A.5 figures and progress towards the authorisation target (counts only)."""
    require(can_view_matrix(request.user))
    school_ids = sorted(hr_school_ids(request.user))
    wanted = request.GET.get("school")
    school_id = int_or_none(wanted) if int_or_none(wanted) in school_ids else school_ids[0]
    form = InventoryFilterForm(request.GET or None)
    on, until, _school = form.values()
    from community.models import Organisation

    school = Organisation.objects.get(pk=school_id)
    inv = inventories.inventory(on=on, until=until, school=school)
    target = next((row for row in inv.targets if row["school"] is None), None)
    return render(request, "portfolios/hr/figures.html", {
        "school": school, "inv": inv, "target": target, "form": form,
        "schools": Organisation.objects.filter(pk__in=school_ids).order_by("name"),
    })


@login_required
def team_status(request):
    """A team leader: the authorisation status of the teachers in their team(s)."""
    from django.utils import timezone

    from community.models import Membership, Role

    leads = [m for m in request.user.active_memberships if m.role == Role.TEAM_LEADER and m.team_id]
    require(bool(leads))  # the team is the leader's own: nobody else's team can be asked for
    team_ids = {m.team_id for m in leads}
    school_ids = {m.organisation_id for m in leads}
    data = reports.StatusData.load(on=timezone.localdate(), school_ids=school_ids)
    members = (
        Membership.objects.active().filter(team_id__in=team_ids, role=Role.TEACHER)
        .select_related("person", "team", "organisation").order_by("team__name", "person__sort_name", "pk")
    )
    rows = [(m, data.statuses_of(m.organisation_id, m.person_id)) for m in members]
    return render(request, "portfolios/hr/team_status.html", {"rows": rows, "teams": [m.team for m in leads]})
