"""Keeps the stored authorisation statuses (models.StoredStatus) equal to the derived ones.

Public API (keyword-free on purpose: hooks pass ids):
- `refresh_statuses(person_ids)`: after any write about these people (records, memberships,
  profiles taught, staff records). Refreshes every school they are (or were) stored at or
  hold a membership at: the team rule makes a colleague's status depend on theirs.
- `refresh_schools(school_ids)`, `rebuild_statuses()`: the same for schools / everything.
- `deferred()`: a context manager that collects refreshes and runs them once at the end
  (bulk writes: generate_region, the staff import).
- `ensure_fresh()`: called by readers; rebuilds when never built and refreshes schools whose
  statuses went stale because a date passed (a membership started or ended, a record became valid).

Model signals (connected in `connect_signals`, from PortfoliosConfig.ready) call these for
every save/delete of the models the derivation reads, so writes added later are covered.
"""

import contextlib
import threading
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from community.dashboard import bump
from community.models import Membership, Role

from ..models import (
    ConversionRule,
    Qualification,
    QualificationRecord,
    StaffRecord,
    StoredStatus,
    StoredStatusSchool,
)

REGION = 0  # StoredStatusSchool row that marks the table as built
_state = threading.local()


def _pending():
    return getattr(_state, "pending", None)


@contextlib.contextmanager
def deferred():
    """Collect refreshes inside the block; run them once when the outermost block exits."""
    outer = _pending() is None
    if outer:
        _state.pending = {"schools": set(), "people": set(), "all": False}
    try:
        yield
    finally:
        if outer:
            pending, _state.pending = _state.pending, None
            if pending["all"]:
                rebuild_statuses()
            else:
                refresh_statuses(pending["people"])
                refresh_schools(pending["schools"])


def refresh_statuses(person_ids):
    """Recompute the stored statuses at every school concerning these people."""
    person_ids = {int(p) for p in person_ids if p is not None}
    if not person_ids:
        return
    pending = _pending()
    if pending is not None:
        pending["people"] |= person_ids
        return
    schools = set(
        Membership.objects.filter(person_id__in=person_ids, role=Role.TEACHER).values_list("organisation_id", flat=True)
    )
    schools |= set(StoredStatus.objects.filter(person_id__in=person_ids).values_list("school_id", flat=True))
    refresh_schools(schools)


def refresh_schools(school_ids, *, on: date | None = None):
    school_ids = {int(s) for s in school_ids if s is not None}
    if not school_ids:
        return
    pending = _pending()
    if pending is not None:
        pending["schools"] |= school_ids
        return
    on = on or timezone.localdate()
    with transaction.atomic():
        for chunk in _chunks(sorted(school_ids), 200):
            _compute(chunk, on)


def rebuild_statuses(*, on: date | None = None) -> int:
    """Recompute the whole table; returns the number of stored statuses."""
    pending = _pending()
    if pending is not None:
        pending["all"] = True
        return 0
    on = on or timezone.localdate()
    with transaction.atomic():
        StoredStatus.objects.all().delete()
        StoredStatusSchool.objects.all().delete()
        schools = sorted(set(Membership.objects.filter(role=Role.TEACHER).values_list("organisation_id", flat=True)))
        for chunk in _chunks(schools, 200):
            _compute(chunk, on)
        StoredStatusSchool.objects.create(school_id=REGION, computed_on=on, valid_until=None)
    bump("portfolios")
    return StoredStatus.objects.count()


def ensure_fresh():
    """Make the stored statuses valid for today (cheap: one indexed query when nothing is stale)."""
    today = timezone.localdate()
    stale = list(
        StoredStatusSchool.objects.filter(Q(valid_until__lte=today) | Q(school_id=REGION)).values_list(
            "school_id", "valid_until"
        )
    )
    if not any(school_id == REGION for school_id, _until in stale):
        rebuild_statuses(on=today)
        return
    refresh_schools([s for s, until in stale if s != REGION and until is not None and until <= today], on=today)


def _chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _compute(school_ids, on):
    """Replace the stored rows of these schools with the derivation for `on`."""
    from ..reports.authorisation import STATUS_RANK, StatusData

    data = StatusData.load(on=on, school_ids=school_ids, statuses_only=True)
    rows = [
        StoredStatus(
            school_id=school_id, person_id=person_id, profile_id=pid,
            status=(status := data.status(school_id, person_id, pid)), rank=STATUS_RANK.get(status, -1),
        )
        for (school_id, person_id), profile_ids in data.teaching.items()
        for pid in profile_ids
    ]
    StoredStatus.objects.filter(school_id__in=school_ids).delete()
    StoredStatus.objects.bulk_create(rows, batch_size=2000)
    until = _valid_until(school_ids, on)
    StoredStatusSchool.objects.filter(school_id__in=school_ids).delete()
    StoredStatusSchool.objects.bulk_create([
        StoredStatusSchool(school_id=s, computed_on=on, valid_until=until.get(s)) for s in school_ids
    ])
    bump("portfolios")  # bulk writes send no signals: renew what caches the statuses


def _valid_until(school_ids, on) -> dict[int, date]:
    """Per school, the first day after `on` on which the derivation's inputs change by date alone."""
    memberships = Membership.objects.filter(organisation_id__in=school_ids, role=Role.TEACHER)
    until: dict[int, date] = {}

    def earliest(school_id, day):
        if day is not None and (school_id not in until or day < until[school_id]):
            until[school_id] = day

    for school_id, day in memberships.filter(start_date__gt=on).values_list("organisation_id").annotate(
        d=Min("start_date")
    ):
        earliest(school_id, day)
    for school_id, day in memberships.filter(end_date__gte=on).values_list("organisation_id").annotate(
        d=Min("end_date")
    ):
        earliest(school_id, day + timedelta(days=1))
    for school_id, day in memberships.filter(person__qualification_records__obtained_on__gt=on).values_list(
        "organisation_id"
    ).annotate(d=Min("person__qualification_records__obtained_on")):
        earliest(school_id, day)
    return until


# Signals: every write to what the derivation reads --------------------------------------


def _person_changed(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        refresh_statuses([instance.person_id])


def _table_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    pending = _pending()
    if pending is not None:
        pending["all"] = True
    elif StoredStatusSchool.objects.exists():
        # Rare: the conversion table changed. Rebuild whatever is stored (schools refreshed one by
        # one before the first full build included); nothing stored yet → built on first read.
        rebuild_statuses()


def _profiles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if not reverse:  # membership.profiles.add(...)
        if action == "pre_clear":
            return
        refresh_statuses([instance.person_id])
    elif action == "pre_clear":  # profile.members.clear(): remember who loses it
        _state.cleared = list(Membership.objects.filter(profiles=instance).values_list("person_id", flat=True))
    elif action == "post_clear":
        refresh_statuses(getattr(_state, "cleared", []))
    else:  # profile.<memberships>.add(*memberships)
        refresh_statuses(Membership.objects.filter(pk__in=pk_set).values_list("person_id", flat=True))


def connect_signals():
    uid = "status_store"
    for model in (QualificationRecord, StaffRecord, Membership):
        post_save.connect(_person_changed, sender=model, dispatch_uid=f"{uid}-save-{model.__name__}")
        post_delete.connect(_person_changed, sender=model, dispatch_uid=f"{uid}-delete-{model.__name__}")
    for model in (ConversionRule, Qualification):
        post_save.connect(_table_changed, sender=model, dispatch_uid=f"{uid}-save-{model.__name__}")
        post_delete.connect(_table_changed, sender=model, dispatch_uid=f"{uid}-delete-{model.__name__}")
    m2m_changed.connect(_profiles_changed, sender=Membership.profiles.through, dispatch_uid=f"{uid}-profiles")
