"""Activation of accounts made by a staff import: an emailed link to choose a password.

An imported person has an account without a usable password and has never logged in. The
activation link is an Invitation for that person's place, so it works (and expires, and is
single-use) exactly like an invitation; accepting it sets the password of the existing account.
"""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction

from ..models import Invitation, Membership, Person
from ..permissions import hr_school_ids
from ..tasks.people import send_invitation_email


def never_activated(*, school_ids):
    """People with an active membership at these schools who never chose a password."""
    members = Membership.objects.active().filter(organisation_id__in=school_ids)
    return (
        Person.objects.filter(pk__in=members.values("person_id"), is_active=True, last_login__isnull=True)
        .filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .order_by("sort_name", "pk")
    )


def needs_activation(person) -> bool:
    return person.last_login is None and not person.has_usable_password()


def activation_send(*, by: Person, people) -> int:
    """Email each person (never activated, at one of `by`'s schools) a link to choose a password.
    A new link replaces an earlier one. Returns the number of emails queued."""
    school_ids = hr_school_ids(by)
    allowed = never_activated(school_ids=school_ids)
    people = list(allowed.filter(pk__in=[p.pk for p in people]))
    memberships = {}
    for m in Membership.objects.active().filter(person__in=people, organisation_id__in=school_ids).order_by("start_date", "pk"):
        memberships.setdefault(m.person_id, m)
    sent = []
    with transaction.atomic():
        for person in people:
            membership = memberships[person.pk]
            Invitation.objects.pending().filter(email__iexact=person.email, organisation=membership.organisation).delete()
            invitation = Invitation.objects.create(
                email=person.email, first_name=person.first_name, last_name=person.last_name,
                organisation=membership.organisation, role=membership.role, invited_by=by,
            )
            sent.append(invitation.pk)
        transaction.on_commit(lambda: [send_invitation_email.enqueue(pk) for pk in sent])
    return len(sent)
