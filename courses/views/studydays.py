"""Study days: registration, my registrations, calendar feed, and the hub's day-of tools."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.exports import tabular_response
from community.params import ids as submitted_ids
from community.params import int_or_none

from ..forms.studydays import FeedbackForm, StudyDayCancelForm, WorkshopChoiceForm
from ..models import (
    CalendarFeed,
    RegistrationStatus,
    StudyDayFeedback,
    StudyDayPage,
    StudyDayRegistration,
)
from ..permissions import can_manage_study_days, can_register_for
from ..reports.studydays import hub_figures
from ..services import studydays as services


def _live_day(pk):
    return get_object_or_404(StudyDayPage.objects.live().public(), pk=pk)


def _my_registration(request, pk):
    return get_object_or_404(
        StudyDayRegistration.objects.visible_to(request.user).select_related("study_day", "person"), pk=pk
    )


def _require_manager(request):
    if not can_manage_study_days(request.user):
        raise PermissionDenied


def _error_text(error):
    return " ".join(error.messages)


@login_required
def register(request, pk):
    day = _live_day(pk)
    existing = (
        StudyDayRegistration.objects.filter(study_day=day, person=request.user)
        .exclude(status=RegistrationStatus.CANCELLED).first()
    )
    if existing:
        return redirect("courses:studyday_registration", pk=existing.pk)
    workshops = services.workshops_with_places(day)
    form = WorkshopChoiceForm(request.POST if request.method == "POST" else None, workshops=workshops)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                study_day=day, person=request.user, workshop_ids=form.cleaned_data["workshops"]
            )
        except services.RegistrationError as error:
            messages.error(request, _error_text(error))
        else:
            if registration.is_confirmed:
                messages.success(request, _("You are registered. A confirmation with a calendar file is on its way."))
            else:
                messages.warning(request, _("The study day is full: you are on the waitlist. We email you when a place comes free."))
            return redirect("courses:studyday_registration", pk=registration.pk)
    return render(request, "courses/studydays/register.html", {
        "day": day, "form": form, "workshops": workshops,
        "places_left": max(day.capacity - services.places_taken(day), 0),
        "eligible": can_register_for(request.user, day),
    })


@login_required
def registration_detail(request, pk):
    registration = _my_registration(request, pk)
    day = registration.study_day
    workshops = services.workshops_with_places(day)
    choices = list(registration.workshop_choices.select_related("workshop").order_by("workshop__start_time"))
    initial = {"workshops": [str(c.workshop_id) for c in choices]}
    form = WorkshopChoiceForm(request.POST if request.method == "POST" else None, workshops=workshops, initial=initial)
    if request.method == "POST":
        if registration.person_id != request.user.pk:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.registration_change_workshops(registration=registration, workshop_ids=form.cleaned_data["workshops"])
            except services.RegistrationError as error:
                messages.error(request, _error_text(error))
            else:
                messages.success(request, _("Your workshops are saved."))
                return redirect("courses:studyday_registration", pk=registration.pk)
    return render(request, "courses/studydays/registration.html", {
        "registration": registration, "day": day, "choices": choices, "form": form,
        "can_change": registration.status != RegistrationStatus.CANCELLED and day.can_cancel
        and registration.person_id == request.user.pk,
        "can_give_feedback": services.can_give_feedback(registration),
        "waitlist_position": _waitlist_position(registration),
    })


def _waitlist_position(registration):
    if not registration.is_waitlisted:
        return None
    return StudyDayRegistration.objects.filter(
        study_day_id=registration.study_day_id, status=RegistrationStatus.WAITLISTED,
        requested_at__lt=registration.requested_at,
    ).count() + 1


@login_required
def cancel(request, pk):
    registration = _my_registration(request, pk)
    if registration.person_id != request.user.pk and not can_manage_study_days(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration, by=request.user)
        except services.RegistrationError as error:
            messages.error(request, _error_text(error))
            return redirect("courses:studyday_registration", pk=registration.pk)
        messages.success(request, _("Your registration is cancelled."))
        if registration.person_id != request.user.pk:
            return redirect("courses:studyday_participants", pk=registration.study_day_id)
        return redirect("courses:studyday_mine")
    return render(request, "courses/studydays/cancel.html", {"registration": registration, "day": registration.study_day})


@login_required
def cancel_day(request, pk):
    """Hub staff call a study day off; every participant gets an email with a calendar cancellation."""
    _require_manager(request)
    day = _live_day(pk)
    form = StudyDayCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.study_day_cancel(study_day=day, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The study day is cancelled. Everyone registered gets an email with a calendar update."))
        return redirect("courses:studyday_participants", pk=day.pk)
    return render(request, "courses/studydays/cancel_day.html", {"day": day, "form": form})


@login_required
def registration_ics(request, pk):
    registration = _my_registration(request, pk)
    if registration.status == RegistrationStatus.CANCELLED:
        # Importing this file removes the event again (same UID, METHOD:CANCEL).
        body = services.ics_cancel(registration)
    else:
        body = services.ics_for_registrations([registration], registration.study_day.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="studiedag.ics"'
    return response


@login_required
def feedback(request, pk):
    registration = _my_registration(request, pk)
    if registration.person_id != request.user.pk:
        raise Http404
    if not services.can_give_feedback(registration):
        messages.info(request, _("Feedback opens after the day, for participants."))
        return redirect("courses:studyday_registration", pk=registration.pk)
    instance = StudyDayFeedback.objects.filter(registration=registration).first()
    form = FeedbackForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.feedback_submit(
            registration=registration, rating=form.cleaned_data["rating"], comments=form.cleaned_data["comments"]
        )
        messages.success(request, _("Thank you for your feedback."))
        return redirect("courses:studyday_mine")
    return render(request, "courses/studydays/feedback.html", {"registration": registration, "day": registration.study_day, "form": form})


@login_required
def mine(request):
    registrations = list(services.my_registrations(request.user))
    today = timezone.localdate()
    feed = services.calendar_feed_for(request.user)
    return render(request, "courses/studydays/mine.html", {
        "upcoming": [r for r in registrations if r.study_day.date >= today],
        "past": [r for r in registrations if r.study_day.date < today],
        "cancelled": list(
            StudyDayRegistration.objects.filter(
                person=request.user, status=RegistrationStatus.CANCELLED, study_day__date__gte=today
            ).select_related("study_day", "study_day__cancellation").order_by("study_day__date")
        ),
        "feed": feed,
        "feed_url": request.build_absolute_uri(reverse("courses:studyday_calendar_feed", args=[feed.token])) if feed else "",
        "open_days": services.open_study_days(),
    })


@login_required
@require_POST
def calendar(request):
    if request.POST.get("action") == "revoke":
        services.calendar_feed_revoke(person=request.user)
        messages.success(request, _("Your calendar link no longer works."))
    else:
        services.calendar_feed_regenerate(person=request.user)
        messages.success(request, _("Your new calendar link is ready. Earlier links no longer work."))
    return redirect(reverse("courses:studyday_mine") + "#calendar")


def calendar_feed(request, token):
    # No login: calendar apps cannot log in. The secret token is the key; revoking deletes it.
    feed = get_object_or_404(CalendarFeed.objects.select_related("person"), token=token)
    body = services.ics_for_registrations(services.feed_registrations(feed.person), _("TechniekHub study days"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


# Hub staff -------------------------------------------------------------------------------


@login_required
def manage(request):
    _require_manager(request)
    from django.db.models import Count, Q

    days = (
        StudyDayPage.objects.all().order_by("-date")
        .annotate(
            n_confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            n_waitlisted=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
            n_attended=Count("registrations", filter=Q(registrations__attended=True)),
        )
    )
    return render(request, "courses/studydays/manage.html", {"days": days, "today": timezone.localdate()})


def _workshop_filter(request, day):
    workshop_id = request.GET.get("workshop")
    if not workshop_id:
        return None
    return get_object_or_404(day.workshops, pk=int_or_none(workshop_id)) if int_or_none(workshop_id) is not None else None


@login_required
def participants(request, pk):
    _require_manager(request)
    day = get_object_or_404(StudyDayPage, pk=pk)
    workshop = _workshop_filter(request, day)
    status = request.GET.get("status") or RegistrationStatus.CONFIRMED
    if status not in RegistrationStatus.values:
        status = RegistrationStatus.CONFIRMED
    rows = services.participant_rows(day, workshop=workshop, status=status)
    return render(request, "courses/studydays/participants.html", {
        "day": day, "rows": rows, "workshop": workshop, "status": status,
        "workshops": services.workshops_with_places(day),
        "statuses": RegistrationStatus.choices,
        "places_taken": services.places_taken(day),
    })


@login_required
def participants_export(request, pk):
    _require_manager(request)
    day = get_object_or_404(StudyDayPage, pk=pk)
    workshop = _workshop_filter(request, day)
    rows = services.participant_rows(day, workshop=workshop, status=None if request.GET.get("all") else RegistrationStatus.CONFIRMED)
    headers = [_("Last name"), _("First name"), _("Email"), _("Organisation"), _("Status"), _("Workshops"), _("Attended")]
    attended = {True: _("yes"), False: _("no"), None: ""}

    def lines():
        for r in rows:
            yield [
                r.person.last_name, r.person.first_name, r.person.email, r.organisation_names,
                r.get_status_display(),
                "; ".join(
                    f"{c.workshop.title}{' (' + _('waitlist') + ')' if c.status == RegistrationStatus.WAITLISTED else ''}"
                    for c in r.workshop_choices.all()
                ),
                attended[r.attended],
            ]

    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return tabular_response(headers, lines(), filename=f"deelnemers-{day.slug}", file_format=file_format)


@login_required
def checkin(request, pk):
    _require_manager(request)
    day = get_object_or_404(StudyDayPage, pk=pk)
    workshop = _workshop_filter(request, day)
    if request.method == "POST":
        toggle = request.POST.get("toggle", "")
        if toggle:
            reg_id, _sep, action = toggle.partition(":")
            ids = submitted_ids([reg_id])
        else:
            action = request.POST.get("action", "")
            ids = submitted_ids(request.POST.getlist("registration"))
        value = {"present": True, "absent": False, "clear": None}.get(action, "invalid")
        if value == "invalid" or not ids:
            messages.error(request, _("Choose participants and what to mark."))
        else:
            try:
                n = services.attendance_set(study_day=day, registration_ids=ids, attended=value, by=request.user)
            except services.RegistrationError as error:
                messages.error(request, _error_text(error))
            else:
                if request.htmx and toggle:
                    rows = services.participant_rows(day)
                    row = next((r for r in rows if r.pk == ids[0]), None)
                    if row is None:
                        raise Http404
                    return render(request, "courses/studydays/_checkin_row.html", {"r": row, "day": day})
                messages.success(request, _("Attendance saved for %(n)s participants.") % {"n": n})
        return redirect(request.get_full_path())
    rows = services.participant_rows(day, workshop=workshop)
    query = (request.GET.get("q") or "").strip().lower()
    if query:
        rows = [r for r in rows if query in str(r.person).lower() or query in r.organisation_names.lower()]
    return render(request, "courses/studydays/checkin.html", {
        "day": day, "rows": rows, "workshop": workshop, "q": query,
        "workshops": services.workshops_with_places(day),
        "present": sum(1 for r in rows if r.attended), "open": day.date <= timezone.localdate(),
    })


@login_required
def feedback_summary(request, pk):
    _require_manager(request)
    day = get_object_or_404(StudyDayPage, pk=pk)
    return render(request, "courses/studydays/feedback_summary.html", {"day": day, "summary": services.feedback_summary(day)})


@login_required
def figures(request):
    _require_manager(request)
    year = request.GET.get("year")
    return render(request, "courses/studydays/figures.html", hub_figures(year=int_or_none(year, minimum=1, maximum=9999)))
