"""HR's inbox of records waiting for a check (bulk verify, reject with a reason) and its change log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.exports import tabular_response
from community.permissions import hr_school_ids

from ..forms.hr import ChangeLogFilterForm, RejectForm
from ..models import QualificationRecord
from ..permissions import can_verify_record, can_view_matrix, hr_people, require
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
        ids = [int(v) for v in request.POST.getlist("record") if v.isdigit()]
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


