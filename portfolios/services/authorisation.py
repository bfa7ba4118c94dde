"""Writes of qualification records and staff records.

Each function saves only when something changed, so every change leaves exactly one
simple-history entry (simple-history records every save(), changed or not).
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from ..models import QualificationRecord, StaffRecord, VerificationState


def _save(instance, *, reason: str = "", user=None):
    if reason:
        instance._change_reason = reason
    if user is not None:
        instance._history_user = user
    instance.full_clean()
    instance.save()
    return instance


def _changed(instance, values: dict) -> bool:
    return any(getattr(instance, name) != value for name, value in values.items())


@transaction.atomic
def qualification_record_save(*, record: QualificationRecord, by, changed_fields=(), reason: str = "") -> bool:
    """Save a record edited through a form. A teacher's edit of their own record makes it
    'submitted' again; HR's edit verifies it. Returns False when nothing changed."""
    is_new = record.pk is None
    by_hr = record.person_id != by.pk
    if by_hr:
        if not record.is_verified:
            record.state = VerificationState.VERIFIED
            record.verified_by = by
            record.verified_at = timezone.now()
            changed_fields = [*changed_fields, "state"]
    elif changed_fields and record.is_verified:
        record.state, record.verified_by, record.verified_at = VerificationState.SUBMITTED, None, None
    if not is_new and not changed_fields:
        return False
    _save(record, reason=reason, user=by)
    return True


@transaction.atomic
def qualification_record_verify(*, record: QualificationRecord, by) -> bool:
    if record.is_verified:
        return False
    record.state = VerificationState.VERIFIED
    record.verified_by = by
    record.verified_at = timezone.now()
    _save(record, user=by)
    return True


@transaction.atomic
def qualification_record_delete(*, record: QualificationRecord, by) -> None:
    record._history_user = by
    if record.scan:
        record.scan.delete(save=False)
    record.delete()


@transaction.atomic
def staff_record_set(*, person, school, leaving_on: date | None, by=None, reason: str = "") -> bool:
    """Set HR's expected leaving date. Returns whether anything changed."""
    record = StaffRecord.objects.filter(person=person, school=school).first()
    if record is None:
        if leaving_on is None:
            return False
        record = StaffRecord(person=person, school=school)
    elif not _changed(record, {"leaving_on": leaving_on}):
        return False
    record.leaving_on = leaving_on
    _save(record, reason=reason, user=by)
    return True
