"""Writes for people: invitations, profiles and memberships (views call these, not the ORM)."""

import io
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageOps

from ..models import Invitation, Membership, Organisation, Person
from ..models.people import _invitation_expiry, _invitation_token
from ..permissions import can_invite_to, invitable_roles
from ..tasks.people import send_added_to_organisation_email, send_invitation_email
from ..uploads import CleanFile

PHOTO_MAX_SIDE = 512


@dataclass
class InviteOutcome:
    invitation: Invitation | None = None
    membership: Membership | None = None  # set when the person already had an account

    @property
    def added_existing(self) -> bool:
        return self.membership is not None


def invitation_create(
    *, invited_by: Person, email: str, first_name: str, last_name: str, organisation: Organisation, role: str
) -> InviteOutcome:
    """Invite someone; a person who already has an account gets the membership straight away."""
    if not can_invite_to(invited_by, organisation) or role not in dict(invitable_roles(invited_by)):
        raise PermissionDenied
    email = Person.objects.normalize_email(email).lower()
    with transaction.atomic():
        existing = Person.objects.filter(email__iexact=email).first()
        if existing is not None and existing.last_login is None and not existing.has_usable_password():
            existing = None  # made by an import, never activated: the invitation is their activation link
        if existing is not None:
            membership = Membership.objects.active().filter(
                person=existing, organisation=organisation, role=role
            ).first()
            if membership is None:
                membership = Membership(person=existing, organisation=organisation, role=role)
                membership.full_clean()
                membership.save()
                transaction.on_commit(
                    lambda: send_added_to_organisation_email.enqueue(membership.pk, invited_by.pk)
                )
            return InviteOutcome(membership=membership)
        # A second invitation to the same address and place replaces the first one.
        Invitation.objects.pending().filter(email__iexact=email, organisation=organisation).delete()
        invitation = Invitation(
            email=email, first_name=first_name, last_name=last_name,
            organisation=organisation, role=role, invited_by=invited_by,
        )
        invitation.full_clean()
        invitation.save()
        transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk))
    return InviteOutcome(invitation=invitation)


def invitation_resend(*, invitation: Invitation) -> Invitation:
    """A fresh link and expiry date; the old link stops working."""
    with transaction.atomic():
        invitation.token = _invitation_token()
        invitation.expires_at = _invitation_expiry()
        invitation.save(update_fields=["token", "expires_at"])
        transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk))
    return invitation


def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.delete()


def invitation_accept(*, invitation: Invitation, password: str) -> Person:
    """Create the invitee's account and membership; the link cannot be used twice."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_usable:
            raise PermissionDenied
        person = Person.objects.filter(email__iexact=locked.email).first()
        if person is None:
            person = Person(email=locked.email, first_name=locked.first_name, last_name=locked.last_name)
            validate_password(password, person)
            person.set_password(password)
            person.save()
        elif person.last_login is None and not person.has_usable_password():
            # Activation of an imported account: the person chooses their password now.
            validate_password(password, person)
            person.set_password(password)
            person.save(update_fields=["password"])
        Membership.objects.get_or_create(
            person=person, organisation=locked.organisation, role=locked.role, end_date=None,
            defaults={"start_date": timezone.localdate()},
        )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        mark_email_verified(person, locked.email)
    return person


def mark_email_verified(person: Person, email: str) -> None:
    """The invitation link reached this address: allauth may treat it as verified."""
    from allauth.account.models import EmailAddress

    address, _created = EmailAddress.objects.get_or_create(
        user=person, email__iexact=email, defaults={"email": email.lower(), "primary": True, "verified": True}
    )
    if not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])


def square_photo(clean: CleanFile, *, max_side: int = PHOTO_MAX_SIDE) -> ContentFile:
    """Crop an already cleaned image to a centred square of at most max_side pixels."""
    clean.content.seek(0)
    with Image.open(clean.content) as image:
        image.load()
        side = min(max_side, *image.size)
        square = ImageOps.fit(image, (side, side), method=Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if clean.content_type == "image/png":
            square.save(out, "PNG", optimize=True)
        else:
            square.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=clean.content.name)


def profile_update(*, person: Person, data: dict, photo: CleanFile | None = None, remove_photo: bool = False) -> Person:
    with transaction.atomic():
        for field in ("first_name", "last_name", "bio", "listed_in_directory"):
            if field in data:
                setattr(person, field, data[field])
        old_photo = person.photo.name if person.photo else ""
        if photo is not None:
            square = square_photo(photo)
            person.photo.save(square.name, square, save=False)
        elif remove_photo:
            person.photo = ""
        person.full_clean(exclude=["password"])
        person.save()
        if "expertise" in data:
            from ..expertise import set_expertise

            set_expertise(person, data["expertise"])
        if old_photo and old_photo != (person.photo.name if person.photo else ""):
            storage = person.photo.storage
            transaction.on_commit(lambda: storage.delete(old_photo))
    return person


def membership_update(*, membership: Membership, data: dict, profiles=None) -> Membership:
    with transaction.atomic():
        for field, value in data.items():
            setattr(membership, field, value)
        membership.full_clean()
        membership.save()
        if profiles is not None:
            membership.profiles.set(profiles)
    return membership


def membership_end(*, membership: Membership, on=None) -> Membership:
    on = on or timezone.localdate()
    membership.end_date = max(on, membership.start_date)
    membership.full_clean()
    membership.save(update_fields=["end_date"])
    return membership
