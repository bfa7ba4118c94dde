"""On-the-job coaching: the coach's log and the coached person's response."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..forms.programmes import (
    CoachingResponseForm,
    CoachingSessionForm,
)
from ..models import (
    CoachingSession,
)
from ..permissions import (
    can_coach,
)
from ..services import programmes as services
from .programmes import _enrolment, _require

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


