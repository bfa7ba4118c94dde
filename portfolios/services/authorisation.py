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
            record.rejection_reason = ""
            changed_fields = [*changed_fields, "state"]
    elif (changed_fields and record.is_verified) or record.is_rejected:
        # The teacher changed a checked record, or acted on a rejection: it waits for HR again.
        record.state, record.verified_by, record.verified_at = VerificationState.SUBMITTED, None, None
        record.rejection_reason = ""
        record.submitted_at = timezone.now()
        changed_fields = [*changed_fields, "state"]
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


def qualification_records_verify(*, records, by) -> int:
    """HR verifies many records at once (its inbox): one bulk update with one history entry
    per record, in one short transaction. Returns how many were verified."""
    from simple_history.utils import bulk_update_with_history

    now = timezone.now()
    waiting = [r for r in records if not r.is_verified]
    for record in waiting:
        record.state, record.verified_by, record.verified_at, record.rejection_reason = (
            VerificationState.VERIFIED, by, now, "",
        )
    with transaction.atomic():
        if waiting:
            bulk_update_with_history(
                waiting, QualificationRecord, ["state", "verified_by", "verified_at", "rejection_reason"],
                batch_size=1000, default_user=by, default_change_reason="bulk verify",
            )
        _after_bulk_write({r.person_id for r in waiting})
    return len(waiting)


def _after_bulk_write(person_ids) -> None:
    """Called once after a bulk write of records (no model signals were sent)."""
    from .status_store import refresh_statuses

    refresh_statuses(person_ids)


@transaction.atomic
def qualification_record_reject(*, record: QualificationRecord, by, reason: str) -> bool:
    """HR rejects a record with a reason the teacher sees; the teacher corrects it (back to
    'submitted') or removes it. A rejected record gives no authorisation."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    if record.is_rejected and record.rejection_reason == reason:
        return False
    record.state, record.verified_by, record.verified_at = VerificationState.REJECTED, None, None
    record.rejection_reason = reason
    _save(record, reason="rejected", user=by)
    return True


@transaction.atomic
def qualification_record_delete(*, record: QualificationRecord, by) -> None:
    record._history_user = by
    record.delete()  # the scan leaves storage after the commit (community.file_cleanup)


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
    if leaving_on and leaving_on < timezone.localdate():
        employment_end(person=person, school=school, on=leaving_on, by=by)
    return True


def employment_end(*, person, school, on: date, by=None) -> int:
    """A leaving date in the past ends the employment on that date: the teaching memberships
    at that school get that end date (saved one by one, so their history records it)."""
    from community.models import Membership, Role

    ended = 0
    for membership in Membership.objects.active().filter(person=person, organisation=school, role__in=[Role.TEACHER, Role.TRAINEE]):
        membership.end_date = max(on, membership.start_date)
        if by is not None:
            membership._history_user = by
        membership._change_reason = "leaving date"
        membership.save(update_fields=["end_date"])
        ended += 1
    return ended
