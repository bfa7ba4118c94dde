"""Internship emails, sent from the task worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


def _host_emails(offer):
    from ..permissions import HOST_ROLES

    emails = {offer.contact_email}
    for m in offer.host.memberships.active().filter(role__in=HOST_ROLES).select_related("person"):
        if m.role != "team_leader":
            emails.add(m.person.email)
    return sorted(e for e in emails if e)


@task()
def send_internship_email(kind: str, offer_id: int | None = None, application_id: int | None = None,
                          placement_id: int | None = None):
    from community.models import Person, Role

    from ..models import InternshipApplication, InternshipOffer, InternshipPlacement

    site = settings.SITE_URL
    with translation.override(settings.LANGUAGE_CODE):
        if kind in {"offer_submitted", "offer_reviewed"}:
            offer = InternshipOffer.objects.select_related("host", "created_by").get(pk=offer_id)
            if kind == "offer_submitted":
                to = list(
                    Person.objects.filter(memberships__role=Role.HUB_STAFF).values_list("email", flat=True).distinct()
                )
                subject = _("New internship offer to review: %(title)s") % {"title": offer.title}
                url = site + reverse("courses:internship_review")
            else:
                to = [offer.created_by.email] if offer.created_by else [offer.contact_email]
                subject = (
                    _("Your internship offer is listed: %(title)s") if offer.is_listed
                    else _("Your internship offer was not approved: %(title)s")
                ) % {"title": offer.title}
                url = site + reverse("courses:internship_offer_detail", args=[offer.pk])
            body = f"{subject}\n\n{offer.review_note}\n\n{url}\n\nTechniekHub"
        elif kind in {"application_submitted", "application_decided"}:
            application = InternshipApplication.objects.select_related("offer__host", "applicant").get(pk=application_id)
            url = site + reverse("courses:internship_application_detail", args=[application.pk])
            if kind == "application_submitted":
                to = _host_emails(application.offer)
                subject = _("New application for %(title)s") % {"title": application.offer.title}
            else:
                to = [application.applicant.email]
                subject = _("Decision on your application for %(title)s: %(status)s") % {
                    "title": application.offer.title, "status": application.get_status_display().lower(),
                }
            body = f"{subject}\n\n{application.decision_note}\n\n{url}\n\nTechniekHub"
        else:  # report_submitted
            placement = InternshipPlacement.objects.select_related("application__offer__host", "application__applicant").get(pk=placement_id)
            to = _host_emails(placement.application.offer)
            subject = _("%(name)s submitted the final report of the internship") % {"name": placement.application.applicant}
            body = f"{subject}\n\n{site}{reverse('courses:internship_placement', args=[placement.pk])}\n\nTechniekHub"
        if to:
            send_mail(subject, body, None, to)
    return kind
