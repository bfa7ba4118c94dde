"""People I coach, assess, mentor or coordinate; the coordinator's cohort view and attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from community.exports import tabular_response
from community.permissions import is_hub_staff

from ..forms.programmes import (
    AttendanceForm,
)
from ..models import (
    Assessment,
    Attendance,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
)
from ..permissions import (
    can_manage_cohort,
)
from ..reports.programmes import (
    MISSED_SESSIONS_FLAG,
    assessment_state,
    cohort_overview,
)
from ..services import programmes as services
from .programmes import _cohort

# People I coach, assess, mentor or coordinate -----------------------------------------------


@login_required
def trainees(request):
    user = request.user
    enrolments = (
        Enrolment.objects.visible_to(user).exclude(person=user)
        .select_related("person", "cohort__course", "coach").order_by("cohort__name", "person__sort_name")
    )
    status = request.GET.get("status", "active")
    if status in EnrolmentStatus.values:
        enrolments = enrolments.filter(status=status)
    page_obj = Paginator(enrolments, 25).get_page(request.GET.get("page"))
    rows = list(page_obj)
    assessed = set(
        Assessment.objects.filter(assessor=user, enrolment__in=rows).values_list("enrolment_id", flat=True)
    )
    for e in rows:
        relation = []
        if e.coach_id == user.pk:
            relation.append(_("coach"))
        if e.pk in assessed:
            relation.append(_("assessor"))
        if e.cohort.coordinator_id == user.pk:
            relation.append(_("coordinator"))
        e.relation = ", ".join(relation) or (_("hub staff") if is_hub_staff(user) else _("employer"))
    # Coaches see the signals of the people they coach (one overview per cohort on the page).
    coached = [e for e in rows if e.coach_id == user.pk]
    signals = {}
    for cohort in {e.cohort_id: e.cohort for e in coached}.values():
        signals.update({r.enrolment.pk: r.flags for r in cohort_overview(cohort, coach=user)})
    for e in rows:
        e.signals = signals.get(e.pk)
    coach_sessions = list(
        CohortSession.objects.filter(
            cohort__enrolments__coach=user, cohort__enrolments__status=EnrolmentStatus.ACTIVE,
            starts_at__lt=timezone.now(),
        ).select_related("cohort").distinct().order_by("-starts_at")[:10]
    )
    return render(request, "courses/programmes/trainees.html", {
        "page_obj": page_obj, "rows": rows, "status": status, "statuses": EnrolmentStatus.choices,
        "show_signals": bool(coached), "coach_sessions": coach_sessions, "missed": MISSED_SESSIONS_FLAG,
    })


# The coordinator's cohort view --------------------------------------------------------------


@login_required
def cohort_list(request):
    cohorts = (
        Cohort.objects.visible_to(request.user).select_related("course", "coordinator")
        .annotate(trainee_count=Count("enrolments", filter=~Q(enrolments__status=EnrolmentStatus.WITHDRAWN)))
    )
    return render(request, "courses/programmes/cohort_list.html", {"cohorts": cohorts})


@login_required
def cohort_detail(request, pk):
    cohort = _cohort(request.user, pk)
    rows = cohort_overview(cohort)
    sessions = list(CohortSession.objects.filter(cohort=cohort).annotate(marked=Count("attendance")))
    return render(request, "courses/programmes/cohort_detail.html", {
        "missed": MISSED_SESSIONS_FLAG,
        "cohort": cohort,
        "rows": rows,
        "flagged": sum(1 for r in rows if r.flags),
        "sessions": sessions,
        "coaches": list(cohort.coaches.all()),
        "assessors": list(cohort.assessors.all()),
        "now": timezone.now(),
    })


@login_required
def cohort_export(request, pk):
    cohort = _cohort(request.user, pk)
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    headers = [
        _("Name"), _("Email"), _("Status"), _("Coach"), _("Modules done"), _("Modules total"),
        _("Assignments submitted"), _("Past due"), _("Present"), _("Absent with notice"), _("Absent"),
        _("Assessments"), _("Flags"),
    ]
    rows = [
        [
            str(r.enrolment.person), r.enrolment.person.email, r.enrolment.get_status_display(),
            str(r.enrolment.coach or ""), r.done, r.total, r.submitted, r.past_due, r.present, r.excused,
            r.absent, assessment_state(r.assessments), "; ".join(r.flags),
        ]
        for r in cohort_overview(cohort)
    ]
    return tabular_response(headers, rows, filename=f"cohort-{cohort.pk}", file_format=file_format)


@login_required
def session_attendance(request, pk):
    session = get_object_or_404(CohortSession.objects.select_related("cohort__course"), pk=pk)
    enrolments = Enrolment.objects.filter(cohort=session.cohort).exclude(status=EnrolmentStatus.WITHDRAWN)
    if not can_manage_cohort(request.user, session.cohort):
        # A coach marks the people they coach, and only them.
        enrolments = enrolments.filter(coach=request.user)
        if not enrolments.exists():
            raise Http404
    enrolments = list(enrolments.select_related("person"))
    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "status"))
    manager = can_manage_cohort(request.user, session.cohort)
    form = AttendanceForm(request.POST or None, enrolments=enrolments, marks=marks)
    if request.method == "POST" and form.is_valid():
        services.attendance_record(session=session, statuses=form.statuses())
        messages.success(request, _("Attendance saved."))
        return redirect("courses:cohort_detail", pk=session.cohort_id) if manager else redirect("courses:trainees")
    return render(request, "courses/programmes/attendance_form.html", {"session": session, "form": form, "manager": manager})


