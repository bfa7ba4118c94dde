"""HR's change log: every change to its school's memberships (role, team, start and end, FTE,
profiles taught), qualification records and HR data, who made it and when.

A fixed number of queries: each history table is read once for the people in scope, the
profiles taught per history entry in one more query; differences are taken in Python.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import Membership, Person, Role, Team, VmboProfile

from ..models import Qualification, QualificationRecord, StaffRecord, VerificationState


@dataclass
class Entry:
    when: datetime
    who: object
    person: object
    subject: str
    kind: str  # "+", "~", "-"
    changes: list = field(default_factory=list)  # (label, before, after)
    reason: str = ""

    @property
    def kind_label(self):
        return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}.get(self.kind, self.kind)


def _people_in_scope(school_ids):
    return Person.objects.filter(
        pk__in=Membership.objects.filter(organisation_id__in=school_ids).values("person_id")
    )


def _diff(rows, fields, show, make_subject, person_of, names):
    """rows: one object's history, oldest first → [Entry]."""
    entries, previous = [], {}
    for h in rows:
        before = previous.get(h.id)
        changes = []
        if h.history_type != "-":
            for f in fields:
                new = getattr(h, f)
                if before is None:
                    if new not in (None, "", ()):
                        changes.append((names[f], "—", show(f, new)))
                elif getattr(before, f) != new:
                    changes.append((names[f], show(f, getattr(before, f)), show(f, new)))
        previous[h.id] = h
        if h.history_type == "~" and not changes:
            continue  # a save that changed nothing we show
        entries.append(Entry(
            h.history_date, h.history_user, person_of(h), make_subject(h), h.history_type, changes,
            h.history_change_reason or "",
        ))
    return entries


def change_log(*, school_ids, person=None, start: date | None = None, end: date | None = None) -> list[Entry]:
    tz = timezone.get_current_timezone()
    people = {p.pk: p for p in (_people_in_scope(school_ids) if person is None else [person])}
    codes = dict(VmboProfile.objects.values_list("pk", "code"))
    teams = dict(Team.objects.filter(organisation_id__in=school_ids).values_list("pk", "name"))
    quals = dict(Qualification.objects.values_list("pk", "name"))
    roles, states = dict(Role.choices), dict(VerificationState.choices)

    def show(f, value):
        if value in (None, ""):
            return "—"
        if f == "profiles_set":
            return ", ".join(sorted(codes.get(pid, "?") for pid in value)) or "—"
        if f == "role":
            return str(roles.get(value, value))
        if f == "team_id":
            return teams.get(value, "?")
        if f == "qualification_id":
            return quals.get(value, "?")
        if f == "direct_profile_id":
            return codes.get(value, "?")
        if f == "state":
            return str(states.get(value, value))
        if isinstance(value, date):
            return value.strftime("%d-%m-%Y")
        if f == "scan":
            return _("a file")
        return str(value)

    names = {
        "role": _("role"), "team_id": _("team"), "start_date": _("start date"), "end_date": _("end date"),
        "fte": _("FTE"), "profiles_set": _("profiles taught"), "qualification_id": _("qualification"),
        "direct_profile_id": _("direct authorisation"), "grade": _("grade"), "obtained_on": _("date obtained"),
        "state": _("verification"), "rejection_reason": _("reason for rejection"), "leaving_on": _("expected leaving date"),
        "scan": _("diploma scan"),
    }
    entries = []

    memberships = list(
        Membership.history.filter(organisation_id__in=school_ids, person_id__in=people.keys())
        .select_related("history_user").order_by("history_date", "history_id")
    )
    m2m = Membership.history.model.profiles.model
    taught = {}
    for history_id, pid in m2m.objects.filter(history__in=[h.pk for h in memberships]).values_list("history_id", "vmboprofile_id"):
        taught.setdefault(history_id, set()).add(pid)
    for h in memberships:
        h.profiles_set = frozenset(taught.get(h.pk, ()))
    membership_fields = ["role", "team_id", "start_date", "end_date", "fte", "profiles_set"]
    entries += _diff(
        memberships, membership_fields, show, lambda h: _("Employment: %(role)s") % {"role": show("role", h.role)},
        lambda h: people.get(h.person_id), names,
    )
    record_fields = ["qualification_id", "direct_profile_id", "grade", "obtained_on", "state", "rejection_reason", "scan"]
    entries += _diff(
        QualificationRecord.history.filter(person_id__in=people.keys()).select_related("history_user")
        .order_by("history_date", "history_id").iterator(),
        record_fields, show,
        lambda h: show("qualification_id", h.qualification_id) if h.qualification_id
        else _("Authorisation %(profile)s") % {"profile": show("direct_profile_id", h.direct_profile_id)},
        lambda h: people.get(h.person_id), names,
    )
    entries += _diff(
        StaffRecord.history.filter(school_id__in=school_ids, person_id__in=people.keys()).select_related("history_user")
        .order_by("history_date", "history_id").iterator(),
        ["leaving_on"], show, lambda h: _("HR data"), lambda h: people.get(h.person_id), names,
    )
    if start:
        since = datetime.combine(start, time.min, tzinfo=tz)
        entries = [e for e in entries if e.when >= since]
    if end:
        until = datetime.combine(end, time.max, tzinfo=tz)
        entries = [e for e in entries if e.when <= until]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def change_log_table(entries):
    headers = [_("date and time"), _("person"), _("subject"), _("what"), _("changes"), _("by"), _("reason")]
    rows = [
        [
            timezone.localtime(e.when).strftime("%d-%m-%Y %H:%M"), e.person.get_full_name() if e.person else "",
            e.subject, str(e.kind_label), "; ".join(f"{label}: {before} → {after}" for label, before, after in e.changes),
            str(e.who) if e.who else _("system"), e.reason,
        ]
        for e in entries
    ]
    return headers, rows
