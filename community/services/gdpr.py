"""AVG/GDPR: the person's data export, erasure requests and anonymisation by hub staff."""

import json
import logging

from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ErasureRequest, Invitation, Membership, Person
from ..permissions import is_hub_staff
from ..personal_data import collect, readable, run_anonymisers
from ..tasks.gdpr import send_erasure_received_email

logger = logging.getLogger("community.gdpr")

ANONYMOUS_FIRST_NAME = "Verwijderde"
ANONYMOUS_LAST_NAME = "gebruiker"


def export_json(person: Person) -> bytes:
    """Everything, with readable (Dutch) labels: each part under its label, keys and choices in words."""
    parts = collect(person)
    data = {
        _("Exported on"): timezone.now(),
        _("Your data"): {part["label"]: readable(part["data"]) for part in parts.values()},
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


def erasure_request_create(*, person: Person, reason: str = "") -> ErasureRequest:
    with transaction.atomic():
        # Lock the person's row so two quick clicks cannot both pass the "one open" check.
        Person.objects.select_for_update().filter(pk=person.pk).first()
        if ErasureRequest.objects.filter(person=person).open().exists():
            raise ValidationError(_("You already have an open erasure request."))
        request = ErasureRequest.objects.create(person=person, reason=reason)
        transaction.on_commit(lambda: send_erasure_received_email.enqueue(request.pk))
    return request


def _anonymous_email(person: Person) -> str:
    return f"verwijderd-{person.pk}@anoniem.invalid"


def erasure_decline(*, request: ErasureRequest, by: Person, note: str) -> ErasureRequest:
    if not is_hub_staff(by):
        raise PermissionDenied
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != ErasureRequest.Status.OPEN:
            raise ValidationError(_("This request has already been handled."))
        request.status = ErasureRequest.Status.DECLINED
        request.handled_by = by
        request.handled_at = timezone.now()
        request.note = note
        request.save(update_fields=["status", "handled_by", "handled_at", "note"])
    logger.info("Erasure request %s declined by person %s", request.pk, by.pk)
    return request


def anonymise(*, request: ErasureRequest, by: Person, note: str = "") -> Person:
    """Erase the person's identity; keep the records schools must keep, attached to the anonymised person.

    The account is deactivated with an unusable password; name, email, bio, photo and expertise
    are replaced; active memberships end today. Qualification records, plans and the like stay
    (schools must keep them) but no longer point to a name or an email address.
    """
    if not is_hub_staff(by):
        raise PermissionDenied
    today = timezone.localdate()
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
        if request.status != ErasureRequest.Status.OPEN:
            raise ValidationError(_("This request has already been handled."))
        person = request.person
        old_email = person.email
        photo = person.photo.name if person.photo else ""

        person.first_name = ANONYMOUS_FIRST_NAME
        person.last_name = ANONYMOUS_LAST_NAME
        person.email = _anonymous_email(person)
        person.bio = ""
        person.photo = ""
        person.listed_in_directory = False
        person.is_active = False
        person.is_staff = False
        person.password = make_password(None)  # unusable
        person.save()
        person.expertise.clear()

        Membership.objects.active(on=today).filter(person=person).update(end_date=today)
        # Invitations keep a copy of the name and address the person was invited with.
        Invitation.objects.filter(email__iexact=old_email).update(
            email=person.email, first_name=ANONYMOUS_FIRST_NAME, last_name=ANONYMOUS_LAST_NAME
        )
        # allauth keeps the login address in its own table.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.filter(user=person).delete()
        run_anonymisers(person, old_email)

        request.status = ErasureRequest.Status.HANDLED
        request.handled_by = by
        request.handled_at = timezone.now()
        request.note = note
        request.reason = ""  # the reason may name the person
        request.save(update_fields=["status", "handled_by", "handled_at", "note", "reason"])
        if photo:
            storage = Person._meta.get_field("photo").storage
            transaction.on_commit(lambda: storage.delete(photo))
    logger.info("Person %s anonymised by person %s (erasure request %s)", person.pk, by.pk, request.pk)
    return person
