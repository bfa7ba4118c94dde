"""Organisations are archived, never wiped: people, records and history stay."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ..models import Membership, Organisation


def organisation_has_history(organisation: Organisation) -> bool:
    """Whether anything refers to it (memberships ever, teams, staff records, registrations...).

    Looks at every reverse relation, so the community need not know the other apps' models.
    """
    for relation in organisation._meta.related_objects:
        if relation.many_to_many:
            continue
        model = relation.related_model
        if model._default_manager.filter(**{relation.field.name: organisation}).exists():
            return True
    return False


@transaction.atomic
def organisation_archive(*, organisation: Organisation, on: date, by=None) -> int:
    """End every membership still running on `on` and mark the organisation archived.

    Each membership is saved through the model (never QuerySet.update), so its history
    records who ended it. Returns the number of memberships ended.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.archived_on is not None and organisation.archived_on <= on:
        raise ValidationError(_("This organisation is already archived."))
    running = (
        Membership.objects.select_for_update()
        .filter(organisation=organisation)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=on))
    )
    ended = 0
    for membership in running:
        # A membership that had not started yet ends the day it would have started.
        membership.end_date = max(on, membership.start_date)
        membership.full_clean(validate_unique=False, validate_constraints=False)
        membership.save(update_fields=["end_date"])
        ended += 1
    organisation.archived_on = on
    organisation.save(update_fields=["archived_on"])
    return ended


@transaction.atomic
def organisation_delete(*, organisation: Organisation) -> None:
    """Hard delete, only for an organisation that never had people or records."""
    if organisation_has_history(organisation):
        raise ValidationError(_("This organisation has people or records: archive it instead."))
    organisation.delete()
