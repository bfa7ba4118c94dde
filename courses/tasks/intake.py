"""Intake emails to the applicant, sent from the task worker in the platform's language (Dutch)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task


def _body(kind, application, step):
    course = application.course.title
    lines = [_("Hello %(name)s,") % {"name": application.first_name}, ""]
    if kind == "received":
        lines.append(_("Thank you for your application for %(course)s. We have received it.") % {"course": course})
        lines.append(_("Within two weeks we email you about the next step: the suitability assessment."))
    elif kind == "step":
        lines.append(
            _("The step “%(step)s” of your suitability assessment for %(course)s is done. Outcome: %(outcome)s.")
            % {"step": step.get_kind_display(), "course": course, "outcome": step.get_outcome_display().lower()}
        )
        lines.append(_("We will contact you about the next step."))
    elif kind == "decision":
        if application.status == "admitted":
            lines.append(_("Good news: you are admitted to %(course)s.") % {"course": course})
            if application.cohort_id:
                lines.append(_("You start in the cohort %(cohort)s.") % {"cohort": application.cohort.name})
            if application.person_id is None:
                lines.append(_("You will receive a separate email with an invitation to create your account."))
            else:
                lines.append(_("Log in to see your course under “My course”:") + f" {settings.SITE_URL}{reverse('courses:my_courses')}")
        else:
            lines.append(_("After careful consideration we have decided not to admit you to %(course)s.") % {"course": course})
        if application.decision_reason:
            lines += ["", _("Our reasons:"), application.decision_reason]
    lines += ["", _("Kind regards,"), "TechniekHub"]
    return "\n".join(lines)


SUBJECTS = {
    "received": gettext_noop("Your application for %(course)s"),
    "step": gettext_noop("Your suitability assessment for %(course)s"),
    "decision": gettext_noop("The decision on your application for %(course)s"),
}


@task()
def send_intake_email(kind: str, application_id: int, step_id: int | None = None):
    from ..models import IntakeApplication, IntakeStep

    application = IntakeApplication.objects.select_related("course", "cohort").filter(pk=application_id).first()
    if application is None:
        return "gone"
    step = IntakeStep.objects.filter(pk=step_id, application=application).first() if step_id else None
    if kind == "step" and step is None:
        return "gone"
    with translation.override(settings.LANGUAGE_CODE):
        subject = _(SUBJECTS[kind]) % {"course": application.course.title}
        send_mail(subject, _body(kind, application, step), None, [application.email])
    return kind

