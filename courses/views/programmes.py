"""Site pages of the programmes: the trainee's course, module progress, submissions, certificates.
Assessments, coaching, cohorts and the intake have their own modules beside this one."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.files import serve_private_file

from ..certificates import certificate_pdf
from ..forms.programmes import (
    FeedbackForm,
    SubmissionForm,
)
from ..models import (
    Assignment,
    Cohort,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    ModulePage,
    Submission,
)
from ..permissions import (
    can_coach,
    can_give_feedback,
    can_manage_enrolment,
)
from ..reports.programmes import (
    enrolment_summary,
)
from ..services import intake as intake_services
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
    # An admitted applicant who just accepted their invitation lands here: enrol them now.
    intake_services.intake_claim(person=request.user)
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


