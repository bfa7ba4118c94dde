"""Writing a checked plan in bulk, in one short transaction.

Everything was validated before (validating.plan_import); here each kind of object is written
with a few bulk statements, with its simple-history rows (also in bulk), so 20,000 rows take
seconds and the transaction is held only for the writing. `_after_bulk_write` is the one hook
for whatever must follow a bulk write of records/memberships (the stored authorisation
statuses after the merge): bulk writes send no model signals.
"""

from django.db import transaction
from django.utils import timezone
from simple_history.utils import (
    bulk_create_with_history,
    bulk_update_with_history,
    get_history_manager_for_model,
)

from community.models import Membership, Person, Role, VmboProfile
from community.models.people import name_sort_key

from ...models import QualificationRecord, StaffRecord, VerificationState
from .validating import ImportPlan

BATCH = 1000
REASON = "import"


def _after_bulk_write(person_ids) -> None:
    """Called once after the import wrote records/memberships of these people without model
    signals: the stored authorisation statuses follow."""
    from ..status_store import refresh_statuses

    refresh_statuses(person_ids)


def _new_people(people):
    for person in people:
        person.set_unusable_password()  # "!" + random: never a valid password until activation
        person.sort_name = name_sort_key(person.last_name, person.first_name, person.tussenvoegsel)
    return Person.objects.bulk_create(people, batch_size=BATCH)


def _memberships(plan, by, today):
    writes = plan.writes
    new = [
        Membership(person=plan.people_by_email[email], organisation=school, role=Role.TEACHER, start_date=today)
        for email, school, _wanted in writes.memberships
    ]
    Membership.objects.bulk_create(new, batch_size=BATCH)
    through = Membership.profiles.through
    links = [
        through(membership_id=m.pk, vmboprofile_id=pid)
        for m, (_email, _school, wanted) in zip(new, writes.memberships, strict=True)
        for pid in wanted
    ]
    # Changed profiles of existing memberships: replace the links.
    changed = [m for m, _wanted in writes.profile_sets]
    if changed:
        through.objects.filter(membership__in=changed).delete()
        links += [through(membership_id=m.pk, vmboprofile_id=pid) for m, wanted in writes.profile_sets for pid in wanted]
    through.objects.bulk_create(links, batch_size=BATCH)
    for membership, end in writes.endings:
        membership.end_date = end
    ended = [m for m, _end in writes.endings]
    if ended:
        Membership.objects.bulk_update(ended, ["end_date"], batch_size=BATCH)
    # History in bulk: one "+" entry per new membership, one "~" per changed one, each with
    # the profiles taught at that moment (the m2m history rows).
    touched = {m.pk: m for m in [*changed, *ended]}
    _membership_history(new, "+", by, links)
    _membership_history(list(touched.values()), "~", by, links)
    return [m.person_id for m in new] + [m.person_id for m in touched.values()]


def _membership_history(memberships, kind, by, links):
    if not memberships:
        return
    manager = get_history_manager_for_model(Membership)
    history = manager.bulk_history_create(
        memberships, batch_size=BATCH, update=kind == "~", default_user=by, default_change_reason=REASON,
    )
    m2m_model = _m2m_history_model()
    through = Membership.profiles.through
    by_membership = {}
    if kind == "+":
        for link in links:
            by_membership.setdefault(link.membership_id, []).append((link.pk, link.vmboprofile_id))
    else:  # existing memberships may keep links made before: read them all
        for row in through.objects.filter(membership__in=memberships).values_list("pk", "membership_id", "vmboprofile_id"):
            by_membership.setdefault(row[1], []).append((row[0], row[2]))
    if history and history[0].pk is None:  # databases without RETURNING: read the rows back
        latest = {}
        for h in Membership.history.filter(id__in=[m.pk for m in memberships]).order_by("history_id"):
            latest[h.id] = h
        history = list(latest.values())
    rows = [
        m2m_model(history_id=h.pk, id=link_id, membership_id=h.id, vmboprofile_id=pid)
        for h in history for link_id, pid in by_membership.get(h.id, ())
    ]
    m2m_model.objects.bulk_create(rows, batch_size=BATCH)


def _m2m_history_model():
    """The history model of Membership.profiles (one row per profile per history entry)."""
    return Membership.history.model.profiles.model


def _staff(plan, by):
    create, update = [], []
    for email, school, leaving_on, record in plan.writes.staff:
        if record is None:
            create.append(StaffRecord(person=plan.people_by_email[email], school=school, leaving_on=leaving_on))
        else:
            record.leaving_on = leaving_on
            update.append(record)
    bulk_create_with_history(create, StaffRecord, batch_size=BATCH, default_user=by, default_change_reason=REASON)
    if update:
        bulk_update_with_history(update, StaffRecord, ["leaving_on"], batch_size=BATCH, default_user=by, default_change_reason=REASON)
    return [r.person_id for r in create + update]


def _records(plan, by, now):
    create = []
    for email, target, grade, obtained_on in plan.writes.records:
        extra = {"direct_profile": target} if isinstance(target, VmboProfile) else {"qualification": target}
        create.append(QualificationRecord(
            person=plan.people_by_email[email], grade=grade, obtained_on=obtained_on,
            state=VerificationState.VERIFIED, verified_at=now, verified_by=by, **extra,
        ))
    bulk_create_with_history(create, QualificationRecord, batch_size=BATCH, default_user=by, default_change_reason=REASON)
    update = []
    for record, grade, obtained_on in plan.writes.record_updates:
        record.grade, record.obtained_on = grade, obtained_on
        record.state, record.verified_at, record.verified_by = VerificationState.VERIFIED, now, by
        update.append(record)
    if update:
        bulk_update_with_history(
            update, QualificationRecord, ["grade", "obtained_on", "state", "verified_at", "verified_by"],
            batch_size=BATCH, default_user=by, default_change_reason=REASON,
        )
    return [r.person_id for r in create + update]


def apply_import(plan: ImportPlan, *, by=None) -> int:
    """Write the plan; refuses a plan with bad rows. Returns the number of changes written."""
    if not plan.ok:
        raise ValueError("A plan with bad rows is never applied.")
    writes = plan.writes
    # Prepared outside the transaction: the (slow-ish) unusable passwords and sort keys.
    today, now = plan.today or timezone.localdate(), timezone.now()
    with transaction.atomic():
        for school in writes.schools:
            school.save()
        _new_people(writes.people)
        for person, first, tussenvoegsel, last in writes.renames:
            person.first_name, person.tussenvoegsel, person.last_name = first, tussenvoegsel, last
            person.save(update_fields=["first_name", "tussenvoegsel", "last_name"])
        person_ids = {p.pk for p in writes.people} | {p.pk for p, *_ in writes.renames}
        person_ids |= set(_memberships(plan, by, today))
        person_ids |= set(_staff(plan, by))
        person_ids |= set(_records(plan, by, now))
        _after_bulk_write(person_ids)
    return len(plan.changes)
