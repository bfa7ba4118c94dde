"""Short trainings for guest teachers: signing up for a group (no intake)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import CourseKind, CoursePage
from ..services import trainings as services


class SignUpForm(forms.Form):
    cohort = forms.ModelChoiceField(label=gettext_lazy("Group"), queryset=None, widget=forms.RadioSelect, empty_label=None)

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = services.open_training_cohorts(course)


@login_required
def training_signup(request, pk):
    course = get_object_or_404(CoursePage.objects.live().public().filter(kind=CourseKind.GUEST_TEACHER), pk=pk)
    if not services.can_sign_up_for_training(request.user):
        raise PermissionDenied
    form = SignUpForm(request.POST or None, course=course)
    if request.method == "POST" and form.is_valid():
        enrolment = services.training_sign_up(course=course, cohort=form.cleaned_data["cohort"], person=request.user)
        messages.success(request, _("You are signed up. See you at the first session."))
        return redirect("courses:enrolment_detail", pk=enrolment.pk)
    return render(request, "courses/programmes/training_signup.html", {
        "course": course, "form": form, "share": round(services.PARTICIPATION_SHARE * 100),
    })
