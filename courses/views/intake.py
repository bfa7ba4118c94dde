"""The intake: the public application form and hub staff's review."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.files import serve_private_file
from community.params import int_or_none

from ..forms.programmes import (
    EnrolForm,
    IntakeApplicationForm,
    IntakeDecisionForm,
    IntakeStepForm,
)
from ..models import (
    CourseKind,
    CoursePage,
    IntakeApplication,
    IntakeStatus,
    IntakeStep,
    IntakeStepKind,
)
from ..permissions import (
    can_manage_intake,
)
from ..reports.programmes import (
    intake_figures,
)
from ..services import intake as services
from .programmes import _require

# Intake -------------------------------------------------------------------------------------


def _client_ip(request):
    """The client's address, read behind a proxy as configured (TRUSTED_PROXY_COUNT)."""
    from allauth.account.adapter import get_adapter

    return get_adapter(request).get_client_ip(request) or "unknown"


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
    if int_or_none(course_id) is not None:
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
                "form": IntakeApplicationForm(request.POST, request.FILES), "course": course, "rate_limited": True,
            }, status=429)
        _count_attempt(request)
        form = IntakeApplicationForm(request.POST, request.FILES)
        if form.is_valid():
            if form.cleaned_data.get("website"):
                # The hidden field was filled in: a bot. Answer as if all went well.
                return redirect("courses:intake_thanks")
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            services.intake_application_submit(course=course, person=user if user.is_authenticated else None, **data)
            return redirect("courses:intake_thanks")
    else:
        form = IntakeApplicationForm(initial=initial)
    from ..reports.intake import training_history

    history = training_history(user) if user.is_authenticated else None
    return render(request, "courses/programmes/intake_form.html", {"form": form, "course": course, "history": history})


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
    year = int_or_none(request.GET.get("year"), minimum=1, maximum=9999)
    if year is not None:
        applications = applications.filter(submitted_at__year=year)
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
            cohort=data["cohort"], invite=data["invite"],
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
    from ..reports.intake import applicant_person, training_history

    return render(request, "courses/programmes/intake_detail.html", {
        "application": application,
        "history": training_history(applicant_person(application)),
        "steps": [(kind, label, steps.get(kind)) for kind, label in IntakeStepKind.choices],
        "step_form": step_form, "decision_form": decision_form, "enrol_form": enrol_form,
        "has_account": has_account,
        "invite_url": _invite_url(),
    })


@login_required
def intake_file(request, pk, which):
    """The applicant's CV or portfolio: hub staff and the applicant themselves."""
    application = get_object_or_404(IntakeApplication, pk=pk)
    if not (can_manage_intake(request.user) or (request.user.pk and application.person_id == request.user.pk)):
        raise Http404
    field = {"cv": application.cv, "portfolio": application.portfolio}.get(which)
    if not field:
        raise Http404
    return serve_private_file(field)


def _invite_url():
    # The foundation builds invitations; link to its page when it exists in this branch.
    for name in ("community:invitation_create", "invitation_create", "invitations"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""

