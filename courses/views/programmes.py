"""Site pages of the programmes: the trainee's course, submissions, assessments, coaching,
the coordinator's cohort view and attendance, and the intake (public form + hub staff)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.exports import tabular_response
from community.files import serve_private_file
from community.models import Role
from community.permissions import is_hub_staff

from ..certificates import certificate_pdf
from ..forms.programmes import (
    AssessmentCreateForm,
    AssessmentForm,
    AttendanceForm,
    CoachingResponseForm,
    CoachingSessionForm,
    EnrolForm,
    FeedbackForm,
    IntakeApplicationForm,
    IntakeDecisionForm,
    IntakeStepForm,
    ScoreFormSet,
    SubmissionForm,
)
from ..models import (
    Assessment,
    Assignment,
    Attendance,
    CoachingSession,
    Cohort,
    CohortSession,
    CourseKind,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    IntakeApplication,
    IntakeStatus,
    IntakeStep,
    IntakeStepKind,
    ModulePage,
    Submission,
)
from ..permissions import (
    can_coach,
    can_edit_assessment,
    can_give_feedback,
    can_manage_cohort,
    can_manage_enrolment,
    can_manage_intake,
    can_release_assessment,
    hosted_placements,
)
from ..reports.programmes import (
    assessment_state,
    cohort_overview,
    enrolment_summary,
    intake_figures,
)
from ..services import programmes as services

# Loaders: 404 for what you may not see ------------------------------------------------------


def _enrolment(user, pk):
    return get_object_or_404(
        Enrolment.objects.visible_to(user).select_related("cohort__course", "cohort__coordinator", "person", "coach"), pk=pk
    )


def _cohort(user, pk):
    return get_object_or_404(Cohort.objects.visible_to(user).select_related("course", "coordinator"), pk=pk)


def _require(condition):
    if not condition:
        raise PermissionDenied


# The trainee's own course -------------------------------------------------------------------


@login_required
def my_courses(request):
    enrolments = list(
        Enrolment.objects.filter(person=request.user).select_related("cohort__course").order_by("status", "-cohort__start_date")
    )
    from ..reports.programmes import trainee_panel

    panel = {row["enrolment"].pk: row for row in trainee_panel(request.user)}
    courses = CoursePage.objects.live().public().order_by("path")
    return render(request, "courses/programmes/my_courses.html", {
        "enrolments": [(e, panel.get(e.pk)) for e in enrolments],
        "courses": courses,
    })


@login_required
def enrolment_detail(request, pk):
    enrolment = _enrolment(request.user, pk)
    summary = enrolment_summary(enrolment, request.user)
    is_own = enrolment.person_id == request.user.pk
    return render(request, "courses/programmes/enrolment_detail.html", {
        "enrolment": enrolment,
        "course": enrolment.cohort.course,
        "summary": summary,
        "is_own": is_own,
        "can_manage": can_manage_enrolment(request.user, enrolment),
        "can_coach": can_coach(request.user, enrolment),
    })


@login_required
@require_POST
def module_done(request, pk, module_pk):
    enrolment = _enrolment(request.user, pk)
    _require(enrolment.person_id == request.user.pk and enrolment.status == EnrolmentStatus.ACTIVE)
    course = enrolment.cohort.course
    module = get_object_or_404(ModulePage.objects.live().child_of(course), pk=module_pk)
    done = request.POST.get("done") == "1"
    completed = services.module_progress_set(enrolment=enrolment, module=module, done=done)
    if completed:
        messages.success(request, _("Congratulations: you completed the course. Your certificate is ready."))
    elif done:
        messages.success(request, _("Module “%(title)s” marked as done.") % {"title": module.title})
    else:
        messages.info(request, _("Module “%(title)s” marked as not done.") % {"title": module.title})
    next_url = request.POST.get("next", "")
    if next_url == "module":
        return redirect(module.url)
    return redirect("courses:enrolment_detail", pk=enrolment.pk)


@login_required
def submission_create(request, pk, assignment_pk):
    enrolment = _enrolment(request.user, pk)
    _require(enrolment.person_id == request.user.pk and enrolment.status == EnrolmentStatus.ACTIVE)
    modules = ModulePage.objects.live().child_of(enrolment.cohort.course)
    assignment = get_object_or_404(Assignment.objects.filter(module__in=modules).select_related("module"), pk=assignment_pk)
    existing = Submission.objects.filter(enrolment=enrolment, assignment=assignment).first()
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, allows_file=assignment.allows_file)
        if form.is_valid():
            submission = services.submission_create(
                enrolment=enrolment, assignment=assignment, text=form.cleaned_data["text"],
                file=form.cleaned_data.get("file"),
            )
            messages.success(request, _("Your work is submitted and added to your portfolio."))
            return redirect("courses:submission_detail", pk=submission.pk)
    else:
        form = SubmissionForm(initial={"text": existing.text if existing else ""}, allows_file=assignment.allows_file)
    return render(request, "courses/programmes/submission_form.html", {
        "enrolment": enrolment, "assignment": assignment, "form": form, "existing": existing,
        "due": assignment.due_date(enrolment.cohort),
    })


def _submission(user, pk):
    return get_object_or_404(
        Submission.objects.visible_to(user).select_related("enrolment__person", "enrolment__cohort__course", "feedback_by", "assignment"),
        pk=pk,
    )


@login_required
def submission_detail(request, pk):
    submission = _submission(request.user, pk)
    enrolment = submission.enrolment
    may_feedback = can_give_feedback(request.user, enrolment)
    form = None
    if may_feedback:
        if request.method == "POST":
            form = FeedbackForm(request.POST)
            if form.is_valid():
                services.submission_feedback(submission=submission, feedback=form.cleaned_data["feedback"], by=request.user)
                messages.success(request, _("Feedback saved."))
                return redirect("courses:submission_detail", pk=submission.pk)
        else:
            form = FeedbackForm(initial={"feedback": submission.feedback})
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "courses/programmes/submission_detail.html", {
        "submission": submission, "enrolment": enrolment, "form": form,
        "is_own": enrolment.person_id == request.user.pk,
    })


@login_required
def submission_file(request, pk):
    submission = _submission(request.user, pk)
    return serve_private_file(submission.file)


@login_required
def certificate(request, pk):
    enrolment = _enrolment(request.user, pk)
    if enrolment.status != EnrolmentStatus.COMPLETED:
        raise Http404
    pdf = certificate_pdf(enrolment, region_name=settings.PLATFORM_REGION_NAME)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{enrolment.certificate_number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# Assessments --------------------------------------------------------------------------------


@login_required
def assessment_create(request, pk):
    enrolment = _enrolment(request.user, pk)
    _require(can_manage_enrolment(request.user, enrolment))
    form = AssessmentCreateForm(request.POST or None, cohort=enrolment.cohort, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_create(enrolment=enrolment, **form.cleaned_data)
        messages.success(request, _("Assessment planned. The assessor can now fill it in."))
        return redirect("courses:assessment_detail", pk=assessment.pk)
    return render(request, "courses/programmes/assessment_create.html", {"enrolment": enrolment, "form": form})


def _assessment(user, pk):
    return get_object_or_404(
        Assessment.objects.visible_to(user).select_related(
            "enrolment__person", "enrolment__cohort__course", "enrolment__cohort__coordinator", "assessor", "released_by"
        ),
        pk=pk,
    )


@login_required
def assessment_detail(request, pk):
    assessment = _assessment(request.user, pk)
    scores = assessment.scores.select_related("criterion").order_by("criterion__sort_order", "criterion_id")
    return render(request, "courses/programmes/assessment_detail.html", {
        "assessment": assessment,
        "enrolment": assessment.enrolment,
        "scores": scores,
        "can_edit": can_edit_assessment(request.user, assessment),
        "can_release": can_release_assessment(request.user, assessment),
    })


@login_required
def assessment_edit(request, pk):
    assessment = _assessment(request.user, pk)
    _require(can_edit_assessment(request.user, assessment))
    scores = assessment.scores.select_related("criterion").order_by("criterion__sort_order", "criterion_id")
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        formset = ScoreFormSet(request.POST, queryset=scores)
        if form.is_valid() and formset.is_valid():
            formset.save()
            assessment.outcome = form.cleaned_data["outcome"]
            assessment.feedback = form.cleaned_data["feedback"]
            assessment.save(update_fields=["outcome", "feedback"])
            messages.success(request, _("Assessment saved. The trainee sees it once it is released."))
            return redirect("courses:assessment_detail", pk=assessment.pk)
    else:
        form = AssessmentForm(initial={"outcome": assessment.outcome, "feedback": assessment.feedback})
        formset = ScoreFormSet(queryset=scores)
    return render(request, "courses/programmes/assessment_form.html", {
        "assessment": assessment, "form": form, "formset": formset,
    })


@login_required
@require_POST
def assessment_release(request, pk):
    assessment = _assessment(request.user, pk)
    _require(can_release_assessment(request.user, assessment))
    services.assessment_release(assessment=assessment, by=request.user)
    messages.success(request, _("Assessment released: the trainee can now see it."))
    return redirect("courses:assessment_detail", pk=assessment.pk)


# Coaching -----------------------------------------------------------------------------------


@login_required
def coaching_create(request, pk):
    enrolment = _enrolment(request.user, pk)
    _require(can_coach(request.user, enrolment))
    form = CoachingSessionForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        session = services.coaching_session_log(enrolment=enrolment, coach=request.user, **form.cleaned_data)
        messages.success(request, _("Coaching session logged."))
        return redirect("courses:coaching_detail", pk=session.pk)
    return render(request, "courses/programmes/coaching_form.html", {"enrolment": enrolment, "form": form})


@login_required
def coaching_detail(request, pk):
    session = get_object_or_404(
        CoachingSession.objects.visible_to(request.user).select_related("enrolment__person", "enrolment__cohort__course", "coach"),
        pk=pk,
    )
    is_coached = session.enrolment.person_id == request.user.pk
    form = None
    if is_coached:
        form = CoachingResponseForm(request.POST or None, initial={"response": session.response})
        if request.method == "POST" and form.is_valid():
            services.coaching_respond(session=session, response=form.cleaned_data["response"])
            messages.success(request, _("Your response is saved; your coach can read it."))
            return redirect("courses:coaching_detail", pk=session.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "courses/programmes/coaching_detail.html", {"session": session, "form": form, "is_coached": is_coached})


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
    interns = set(
        hosted_placements(user.organisations_with_role(Role.COMPANY_MENTOR))
        .filter(application__applicant_id__in=[e.person_id for e in rows])
        .values_list("application__applicant_id", flat=True)
    ) if rows else set()
    for e in rows:
        relation = []
        if e.coach_id == user.pk:
            relation.append(_("coach"))
        if e.pk in assessed:
            relation.append(_("assessor"))
        if e.cohort.coordinator_id == user.pk:
            relation.append(_("coordinator"))
        if e.person_id in interns:
            relation.append(_("internship host"))
        e.relation = ", ".join(relation) or (_("hub staff") if is_hub_staff(user) else _("employer"))
    return render(request, "courses/programmes/trainees.html", {
        "page_obj": page_obj, "rows": rows, "status": status, "statuses": EnrolmentStatus.choices,
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
    if not Cohort.objects.visible_to(request.user).filter(pk=session.cohort_id).exists():
        raise Http404
    _require(can_manage_cohort(request.user, session.cohort))
    enrolments = list(
        Enrolment.objects.filter(cohort=session.cohort).exclude(status=EnrolmentStatus.WITHDRAWN).select_related("person")
    )
    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "status"))
    form = AttendanceForm(request.POST or None, enrolments=enrolments, marks=marks)
    if request.method == "POST" and form.is_valid():
        services.attendance_record(session=session, statuses=form.statuses())
        messages.success(request, _("Attendance saved."))
        return redirect("courses:cohort_detail", pk=session.cohort_id)
    return render(request, "courses/programmes/attendance_form.html", {"session": session, "form": form})


# Intake -------------------------------------------------------------------------------------


def _client_ip(request):
    return request.META.get("REMOTE_ADDR", "unknown")


def _rate_limited(request) -> bool:
    """A fixed hourly window per IP address, counted in the shared cache."""
    key = f"courses:intake:{_client_ip(request)}:{timezone.now():%Y%m%d%H}"
    count = cache.get_or_set(key, 0, timeout=3600)
    return count >= settings.COURSES_INTAKE_RATE_PER_HOUR


def _count_attempt(request):
    key = f"courses:intake:{_client_ip(request)}:{timezone.now():%Y%m%d%H}"
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)


def _intake_course(request):
    courses = CoursePage.objects.live().public().filter(accepts_applications=True)
    course_id = request.GET.get("course") or request.POST.get("course")
    if course_id and str(course_id).isdigit():
        return get_object_or_404(courses, pk=course_id)
    course = courses.filter(kind=CourseKind.HYBRID_TEACHER).order_by("path").first() or courses.first()
    if course is None:
        raise Http404
    return course


def intake_apply(request):
    course = _intake_course(request)
    user = request.user
    initial = {}
    if user.is_authenticated:
        employers = [m.organisation.name for m in user.active_memberships if m.organisation.kind == "company"]
        initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email,
                   "employer": employers[0] if employers else ""}
    if request.method == "POST":
        if _rate_limited(request):
            return render(request, "courses/programmes/intake_form.html", {
                "form": IntakeApplicationForm(request.POST), "course": course, "rate_limited": True,
            }, status=429)
        _count_attempt(request)
        form = IntakeApplicationForm(request.POST)
        if form.is_valid():
            if form.cleaned_data.get("website"):
                # The hidden field was filled in: a bot. Answer as if all went well.
                return redirect("courses:intake_thanks")
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            services.intake_application_submit(course=course, person=user if user.is_authenticated else None, **data)
            return redirect("courses:intake_thanks")
    else:
        form = IntakeApplicationForm(initial=initial)
    return render(request, "courses/programmes/intake_form.html", {"form": form, "course": course})


def intake_thanks(request):
    return render(request, "courses/programmes/intake_thanks.html")


@login_required
def intake_list(request):
    _require(can_manage_intake(request.user))
    applications = IntakeApplication.objects.select_related("course", "enrolment__cohort").prefetch_related(
        Prefetch("steps", queryset=IntakeStep.objects.order_by("date"))
    )
    status = request.GET.get("status", "")
    if status in IntakeStatus.values:
        applications = applications.filter(status=status)
    year = request.GET.get("year", "")
    if year.isdigit():
        applications = applications.filter(submitted_at__year=int(year))
    page_obj = Paginator(applications, 25).get_page(request.GET.get("page"))
    for a in page_obj:
        done = {s.kind: s for s in a.steps.all()}
        a.stage_marks = [(label, done.get(kind)) for kind, label in IntakeStepKind.choices]
    return render(request, "courses/programmes/intake_list.html", {
        "page_obj": page_obj, "figures": intake_figures(), "statuses": IntakeStatus.choices,
        "status": status, "year": year,
    })


@login_required
def intake_detail(request, pk):
    _require(can_manage_intake(request.user))
    application = get_object_or_404(IntakeApplication.objects.select_related("course", "person", "decided_by", "enrolment__cohort"), pk=pk)
    steps = {s.kind: s for s in application.steps.select_related("assessor")}
    action = request.POST.get("action") if request.method == "POST" else None
    step_form = IntakeStepForm(request.POST if action == "step" else None, prefix="step")
    decision_form = IntakeDecisionForm(request.POST if action == "decide" else None, course=application.course, prefix="decide")
    enrol_form = EnrolForm(request.POST if action == "enrol" else None, course=application.course, prefix="enrol")
    if action == "step" and step_form.is_valid():
        services.intake_step_record(application=application, **step_form.cleaned_data)
        messages.success(request, _("Intake step recorded."))
        return redirect("courses:intake_detail", pk=application.pk)
    if action == "decide" and decision_form.is_valid():
        data = decision_form.cleaned_data
        services.intake_decide(
            application=application, admitted=data["decision"] == "admit", reason=data["reason"], by=request.user,
            cohort=data["cohort"],
        )
        messages.success(request, _("Decision recorded."))
        return redirect("courses:intake_detail", pk=application.pk)
    if action == "enrol" and enrol_form.is_valid():
        if services.intake_enrol(application=application, cohort=enrol_form.cleaned_data["cohort"]) is None:
            messages.error(request, _("There is no account with this email address yet: invite the applicant first."))
        else:
            messages.success(request, _("Enrolled."))
        return redirect("courses:intake_detail", pk=application.pk)
    from django.contrib.auth import get_user_model

    has_account = application.person_id is not None or get_user_model().objects.filter(email__iexact=application.email).exists()
    return render(request, "courses/programmes/intake_detail.html", {
        "application": application,
        "steps": [(kind, label, steps.get(kind)) for kind, label in IntakeStepKind.choices],
        "step_form": step_form, "decision_form": decision_form, "enrol_form": enrol_form,
        "has_account": has_account,
        "invite_url": _invite_url(),
    })


def _invite_url():
    # The foundation builds invitations; link to its page when it exists in this branch.
    for name in ("community:invitation_create", "invitation_create", "invitations"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""
