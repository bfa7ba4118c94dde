"""Study-day emails, sent from the task worker (never in the request)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

SUBJECTS = {
    "confirmed": gettext_noop("You are registered for %(day)s"),
    "waitlisted": gettext_noop("You are on the waitlist for %(day)s"),
    "promoted": gettext_noop("A place has come free: you are registered for %(day)s"),
    "workshop_promoted": gettext_noop("A place has come free in a workshop of %(day)s"),
    "cancelled": gettext_noop("Your registration for %(day)s is cancelled"),
    "day_cancelled": gettext_noop("The study day %(day)s is cancelled"),
}


def _message(kind, registration, workshop):
    day = registration.study_day
    url = f"{settings.SITE_URL}{day.url or ''}"
    when = f"{day.date:%d-%m-%Y} {day.start_time:%H:%M}–{day.end_time:%H:%M}, {day.location}"
    lines = [_("Hello %(name)s,") % {"name": registration.person.first_name or registration.person.email}, ""]
    if kind == "confirmed":
        lines.append(_("You are registered for %(day)s (%(when)s).") % {"day": day.title, "when": when})
    elif kind == "waitlisted":
        lines.append(_("The study day %(day)s is full. You are on the waitlist; we email you as soon as a place comes free.") % {"day": day.title})
    elif kind == "promoted":
        lines.append(_("A place has come free: you are now registered for %(day)s (%(when)s).") % {"day": day.title, "when": when})
    elif kind == "workshop_promoted":
        lines.append(_("A place has come free in the workshop “%(workshop)s”: you are now registered for it.") % {"workshop": workshop.title if workshop else ""})
    elif kind == "cancelled":
        lines.append(_("Your registration for %(day)s is cancelled.") % {"day": day.title})
    elif kind == "day_cancelled":
        lines.append(_("The hub has cancelled the study day %(day)s (%(when)s). We are sorry.") % {"day": day.title, "when": when})
        reason = getattr(getattr(day, "cancellation", None), "reason", "")
        if reason:
            lines += ["", reason]
    if kind in {"cancelled", "day_cancelled"}:
        lines.append(_("The attached calendar file removes the day from your calendar."))
    chosen = list(registration.workshop_choices.all())
    if chosen and kind not in {"cancelled", "day_cancelled"}:
        lines += ["", _("Your workshops:")]
        for c in chosen:
            state = _("waitlist") if c.status == "waitlisted" else _("registered")
            lines.append(f"- {c.workshop.start_time:%H:%M} {c.workshop.title} ({state})")
    lines += ["", url, "", "TechniekHub"]
    return "\n".join(lines)


@task()
def send_study_day_email(registration_id: int, kind: str, workshop_id: int | None = None):
    from ..models import StudyDayRegistration, Workshop
    from ..services.studydays import ics_cancel, ics_for_registrations

    registration = (
        StudyDayRegistration.objects.select_related("study_day", "person")
        .prefetch_related("workshop_choices__workshop")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return "gone"
    workshop = Workshop.objects.filter(pk=workshop_id).first() if workshop_id else None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _(SUBJECTS[kind]) % {"day": registration.study_day.title}
        message = EmailMessage(
            subject=subject,
            body=_message(kind, registration, workshop),
            to=[registration.person.email],
        )
        if kind in {"confirmed", "promoted", "workshop_promoted"}:
            message.attach(
                "studiedag.ics",
                ics_for_registrations([registration], registration.study_day.title, method="REQUEST"),
                "text/calendar",
            )
        elif kind in {"cancelled", "day_cancelled"}:
            message.attach("studiedag-geannuleerd.ics", ics_cancel(registration), "text/calendar")
        message.send()
    return kind
