"""Background work for people: invitation emails (sent by the task worker, not the request)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@task()
def send_invitation_email(invitation_id: int) -> bool:
    from ..models import Invitation

    invitation = (
        Invitation.objects.select_related("organisation", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_usable:
        return False  # revoked or accepted before the worker got to it
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "accept_url": _absolute(reverse("community:invitation_accept", args=[invitation.token])),
            "role": invitation.get_role_display(),
        }
        subject = render_to_string("community/email/invitation_subject.txt", context).strip()
        body = render_to_string("community/email/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    return True


@task()
def send_added_to_organisation_email(membership_id: int, added_by_id: int | None) -> bool:
    from ..models import Membership, Person

    membership = Membership.objects.select_related("person", "organisation").filter(pk=membership_id).first()
    if membership is None:
        return False
    added_by = Person.objects.filter(pk=added_by_id).first() if added_by_id else None
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "membership": membership,
            "added_by": added_by,
            "role": membership.get_role_display(),
            "login_url": _absolute(reverse("account_login")),
        }
        subject = render_to_string("community/email/added_subject.txt", context).strip()
        body = render_to_string("community/email/added_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [membership.person.email])
    return True
