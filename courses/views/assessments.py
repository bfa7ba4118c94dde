"""Assessments: planning, scoring with the rubric, release."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms.programmes import (
    AssessmentCreateForm,
    AssessmentForm,
    ScoreFormSet,
)
from ..models import (
    Assessment,
)
from ..permissions import (
    can_edit_assessment,
    can_manage_enrolment,
    can_release_assessment,
)
from ..services import programmes as services
from .programmes import _enrolment, _require

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


