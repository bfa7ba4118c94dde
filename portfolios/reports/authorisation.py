"""Read side of authorisation: the derived status per teacher × profile (the one derivation).

Everything here runs on a fixed number of bulk queries (see `StatusData.load`), then derives
in Python: the team rule (PIE covered by several people together) does not aggregate in SQL.
`services.status_store` stores its output; HR's matrix (`reports.matrix`) and the hub's
inventory (`reports.inventory`) read the stored statuses.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from community.models import Membership, Role, VmboProfile

from ..models import (
    TEAM_PARTS,
    ConversionRule,
    Outcome,
    Part,
    QualificationRecord,
    VerificationState,
)

AUTHORISED = "authorised"
TEAM = "team"
UPSKILLING = "upskilling"
NO_ROUTE = "no_route"
NO_DATA = "no_data"  # nobody recorded any qualification for this person (not: "no route")
NOT_TAUGHT = ""

STATUS_LABELS = {
    AUTHORISED: _("Authorised"),
    TEAM: _("Authorised as part of the team"),
    UPSKILLING: _("Needs upskilling"),
    NO_ROUTE: _("No route"),
    NO_DATA: _("No data"),
}
STATUS_BADGES = {AUTHORISED: "ok", TEAM: "neutral", UPSKILLING: "warn", NO_ROUTE: "bad", NO_DATA: "neutral"}
# Distinct ranks: the stored statuses are counted by their best rank, and "no data" must stay
# apart from "no route".
STATUS_RANK = {AUTHORISED: 4, TEAM: 3, UPSKILLING: 2, NO_ROUTE: 1, NO_DATA: 0}
STATUSES = [AUTHORISED, TEAM, UPSKILLING, NO_ROUTE, NO_DATA]

def required_parts(profile_code: str, rules) -> tuple[str, ...]:
    if profile_code in TEAM_PARTS:
        return tuple(TEAM_PARTS[profile_code])
    return tuple(sorted({r.part for r in rules if r.outcome == Outcome.TEAM and r.part}))


def part_labels(parts) -> str:
    labels = dict(Part.choices)
    return ", ".join(str(labels.get(p, p)) for p in parts)


@dataclass
class Source:
    """A qualification record and the rule (None: a direct authorisation) behind a status."""

    record: QualificationRecord
    rule: ConversionRule | None = None


class LightRecord(NamedTuple):
    """A qualification record's columns the derivation and the HR matrix read."""

    person_id: int
    qualification_id: int | None
    direct_profile_id: int | None
    obtained_on: date
    state: str

    @property
    def is_verified(self):
        return self.state == VerificationState.VERIFIED


class StatusLabel:
    """The label and badge class of a `status` (shared by ProfileStatus and the matrix's cells)."""

    __slots__ = ()

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def badge(self):
        return STATUS_BADGES[self.status]


@dataclass
class ProfileStatus(StatusLabel):
    profile: VmboProfile
    status: str
    sources: list[Source] = field(default_factory=list)
    upskilling: list[str] = field(default_factory=list)
    own_parts: tuple[str, ...] = ()
    missing_parts: tuple[str, ...] = ()

    @property
    def is_authorised(self):
        return self.status == AUTHORISED

    @property
    def unverified(self):
        return any(not s.record.is_verified for s in self.sources)

    @property
    def unconfirmed(self):
        """Based on a conversion-table row nobody could check against the legal source yet."""
        return any(s.rule is not None and not s.rule.confirmed for s in self.sources)

    @property
    def next_step(self):
        """What would make this teacher fully authorised for the profile."""
        if self.status == AUTHORISED:
            return ""
        if self.status == NO_DATA:
            return str(_("No qualification has been recorded yet: add the qualifications held (or ask HR to)."))
        steps = []
        if self.missing_parts:
            steps.append(
                _("Cover the missing part(s) yourself: %(parts)s.") % {"parts": part_labels(self.missing_parts)}
            )
        for condition in self.upskilling:
            steps.append(_("Complete the upskilling: %(name)s.") % {"name": condition})
        if not steps:
            steps.append(
                _("No rule in the conversion table applies: a 2nd-grade authorisation for %(profile)s is needed, "
                  "or ask the hub to check the table.") % {"profile": self.profile.code}
            )
        return " ".join(str(s) for s in steps)


@dataclass(slots=True)
class _ProfileFacts:
    """What one person's records give them for one profile (first source of each kind, in record order)."""

    # Immutable defaults (shared empty tuple / frozenset): 20,000 teachers allocate little.
    direct: Source | None = None
    authorised: Source | None = None
    upskilling: tuple[Source, ...] = ()
    team: tuple[Source, ...] = ()
    parts: frozenset[str] = frozenset()


_NO_FACTS = _ProfileFacts()
_NO_PROFILE_FACTS: dict = {}  # shared, never written: a person without valid records


# What `active_rules` reads: a write there gives the table a new version (community.dashboard).
RULES_READS = ("portfolios.ConversionRule", "portfolios.Qualification")
_rules_memo: dict[str, list[ConversionRule]] = {}


def active_rules() -> list[ConversionRule]:
    """The active conversion rules with their qualification, read once per process until the
    table changes: every status page needs them, and they change a few times a year."""
    from community.dashboard import versioned_key

    key = versioned_key("rules", RULES_READS, "")
    rules = _rules_memo.get(key)
    if rules is None:
        rules = list(ConversionRule.objects.filter(active=True).select_related("qualification"))
        _rules_memo.clear()
        _rules_memo[key] = rules
    return rules


class StatusData:
    """The bulk-loaded facts for deriving statuses at some schools on a date."""

    def __init__(self, *, on: date, school_ids=None):
        self.on = on
        self.school_ids = None if school_ids is None else set(school_ids)
        self.profiles: dict[int, VmboProfile] = {}
        self.teaching: dict[tuple[int, int], set[int]] = defaultdict(set)  # (school, person) → profiles
        self.records: dict[int, list[QualificationRecord]] = defaultdict(list)
        self.has_records: set[int] = set()  # people with any record at all, valid on `on` or not
        self.rules: dict[int, list[ConversionRule]] = defaultdict(list)  # qualification → rules
        self.rules_by_profile: dict[int, list[ConversionRule]] = defaultdict(list)
        self._team_parts: dict[tuple[int, int], set[str]] | None = None
        self.statuses_only = False
        self._facts_cache: dict[int, dict[int, _ProfileFacts]] = {}
        self._needed_cache: dict[int, tuple[str, ...]] = {}
        # (school, person, profile) → status, when read from the stored statuses (`from_stored`):
        # the team rule's outcome, without reading every colleague's records.
        self.stored: dict[tuple[int, int, int], str] = {}

    def teachers(self):
        return Membership.objects.active(on=self.on).filter(role=Role.TEACHER, **self._school_filter())

    def _school_filter(self, prefix=""):
        return {} if self.school_ids is None else {f"{prefix}organisation_id__in": self.school_ids}

    @classmethod
    def load(cls, *, on: date, school_ids=None, statuses_only=False, full_for=None,
             full_records=None, light=False) -> "StatusData":
        """Four queries (five with `full_for`), whatever the number of teachers.

        `statuses_only` (the inventories) loads each qualification record as a few columns
        (a named tuple) instead of a model instance, and only those obtained by `on`: enough
        to derive every status, not to show its sources' names or verification.
        `full_for` (person ids): only their records as model instances, the colleagues' as
        named tuples (the team rule needs only which parts they hold): the teacher's own page
        at a school of 400 no longer builds 400 people's records. `full_records`: those
        people's records, already read by the caller (no query for them). `light` (the HR
        matrix): every record as a `LightRecord` (columns and `is_verified`, no instances).
        """
        data = cls(on=on, school_ids=school_ids)
        data.statuses_only = statuses_only
        data.profiles = {p.pk: p for p in VmboProfile.objects.all()}
        through = Membership.profiles.through
        for person_id, school_id, profile_id in through.objects.filter(
            membership__in=data.teachers()
        ).values_list("membership__person_id", "membership__organisation_id", "vmboprofile_id"):
            data.teaching[(school_id, person_id)].add(profile_id)
        # A record HR rejected gives nothing (the teacher sees why and corrects it).
        records = QualificationRecord.objects.filter(person_id__in=data.teachers().values("person_id")).exclude(
            state=VerificationState.REJECTED
        )
        if full_for is not None:
            full_for = set(full_for)
            if full_records is None:
                full_records = records.filter(person_id__in=full_for).select_related("qualification")
            for record in full_records:
                if record.state == VerificationState.REJECTED:
                    continue
                data.has_records.add(record.person_id)
                data.records[record.person_id].append(record)
            records = records.exclude(person_id__in=full_for)
        if light and not statuses_only and full_for is None:
            for row in records.order_by().values_list(*LightRecord._fields):
                record = LightRecord(*row)
                data.has_records.add(record.person_id)
                data.records[record.person_id].append(record)
        elif statuses_only or full_for is not None:
            # Named tuples of plain values: no model instances, nothing for the garbage collector.
            records = records.order_by().values_list(
                "person_id", "qualification_id", "direct_profile_id", "obtained_on", named=True
            )
            for row in records:
                data.has_records.add(row.person_id)
                if row.obtained_on <= on:
                    data.records[row.person_id].append(row)
        else:
            for record in records.select_related("qualification"):
                data.has_records.add(record.person_id)
                data.records[record.person_id].append(record)
        data._load_rules()
        return data

    def _valid_records(self, person_id):
        records = self.records.get(person_id, ())
        if self.statuses_only:  # filtered by the query already
            return records
        return [r for r in records if r.obtained_on <= self.on]

    def _facts(self, person_id) -> dict[int, "_ProfileFacts"]:
        """Per profile, what this person's valid records give them; computed once per person."""
        facts = self._facts_cache.get(person_id)
        if facts is None:
            records = self._valid_records(person_id)
            facts = self._facts_cache[person_id] = {} if records else _NO_PROFILE_FACTS
            for record in records:
                if record.direct_profile_id is not None:
                    entry = facts.setdefault(record.direct_profile_id, _ProfileFacts())
                    entry.direct = entry.direct or Source(record)
                for rule in self.rules.get(record.qualification_id, ()) if record.qualification_id else ():
                    entry = facts.setdefault(rule.profile_id, _ProfileFacts())
                    if rule.outcome == Outcome.AUTHORISED:
                        entry.authorised = entry.authorised or Source(record, rule)
                    elif rule.outcome == Outcome.AFTER_UPSKILLING:
                        entry.upskilling += (Source(record, rule),)
                    elif rule.outcome == Outcome.TEAM:
                        entry.parts |= {rule.part}
                        entry.team += (Source(record, rule),)
        return facts

    def _own_team(self, person_id, profile_id):
        entry = self._facts(person_id).get(profile_id, _NO_FACTS)
        return set(entry.parts), list(entry.team)

    def _needed_parts(self, profile_id) -> tuple[str, ...]:
        needed = self._needed_cache.get(profile_id)
        if needed is None:
            needed = self._needed_cache[profile_id] = required_parts(
                self.profiles[profile_id].code, self.rules_by_profile.get(profile_id, ())
            )
        return needed

    def team_parts(self, school_id, profile_id) -> set[str]:
        if self._team_parts is None:
            self._team_parts = defaultdict(set)
            for (school, person), profile_ids in self.teaching.items():
                facts = self._facts(person)
                for pid in profile_ids:
                    if pid in facts:
                        self._team_parts[(school, pid)] |= facts[pid].parts
        return self._team_parts.get((school_id, profile_id), set())

    def status(self, school_id, person_id, profile_id) -> str:
        """The status alone (what the inventories count): `derive(...).status`, cheaper."""
        if person_id not in self.has_records:
            return NO_DATA
        entry = self._facts(person_id).get(profile_id, _NO_FACTS)
        if entry.direct or entry.authorised:
            return AUTHORISED
        if entry.parts:
            needed = self._needed_parts(profile_id)
            if all(p in entry.parts for p in needed):
                return AUTHORISED
            covered = self.team_parts(school_id, profile_id)
            return TEAM if all(p in covered for p in needed) else UPSKILLING
        return UPSKILLING if entry.upskilling else NO_ROUTE

    def derive(self, school_id, person_id, profile_id) -> ProfileStatus:
        """The one place that decides a status (stored statuses copy its output)."""
        profile = self.profiles[profile_id]
        if person_id not in self.has_records:
            return ProfileStatus(profile, NO_DATA)
        entry = self._facts(person_id).get(profile_id, _NO_FACTS)
        sources = self.sources(person_id, profile_id)
        if entry.direct or entry.authorised:
            return ProfileStatus(profile, AUTHORISED, sources)
        conditions = [s.rule.condition or s.rule.get_outcome_display() for s in entry.upskilling]
        if entry.parts:
            needed = self._needed_parts(profile_id)
            own = tuple(p for p in needed if p in entry.parts)
            missing = tuple(p for p in needed if p not in entry.parts)
            if not missing:
                return ProfileStatus(profile, AUTHORISED, sources, own_parts=own)
            status = self.stored.get((school_id, person_id, profile_id))
            if status not in (TEAM, UPSKILLING):  # not read from the stored statuses: derive
                covered = self.team_parts(school_id, profile_id)
                status = TEAM if all(p in covered for p in needed) else UPSKILLING
            return ProfileStatus(profile, status, sources, conditions, own_parts=own, missing_parts=missing)
        if entry.upskilling:
            return ProfileStatus(profile, UPSKILLING, sources, conditions)
        return ProfileStatus(profile, NO_ROUTE)

    def sources(self, person_id, profile_id) -> list[Source]:
        """The records (and rules) behind this person's status for the profile, as `derive` shows
        them. Colleagues change a status (the team rule), never its sources: a person's own
        records are enough (HR's matrix reads only the rows it shows)."""
        entry = self._facts(person_id).get(profile_id, _NO_FACTS)
        if entry.direct or entry.authorised:
            return [entry.direct or entry.authorised]
        if entry.parts and all(p in entry.parts for p in self._needed_parts(profile_id)):
            return list(entry.team)
        return list(entry.team) + list(entry.upskilling)

    @classmethod
    def for_people(cls, *, on: date, person_ids, profiles) -> "StatusData":
        """Two queries: these people's records (as `LightRecord`s) and the rules; enough for
        `sources` of the `profiles` given, not for a status (stored statuses give those)."""
        data = cls(on=on, school_ids=())
        data.profiles = {p.pk: p for p in profiles}
        records = QualificationRecord.objects.filter(person_id__in=person_ids).exclude(state=VerificationState.REJECTED)
        for row in records.order_by("-obtained_on", "pk").values_list(*LightRecord._fields):
            record = LightRecord(*row)
            data.has_records.add(record.person_id)
            data.records[record.person_id].append(record)
        data._load_rules()
        return data

    @classmethod
    def from_stored(cls, *, person_id, school_ids, records=None) -> "StatusData":
        """Today's statuses of one person at these schools, explained: the stored statuses (the
        team rule's outcome) and the person's own records; three queries, or two with `records`
        (all of this person's records, read by the caller), whatever the size of the schools."""
        from django.utils import timezone

        from ..models import StoredStatus
        from ..services.status_store import ensure_fresh

        ensure_fresh()
        data = cls(on=timezone.localdate(), school_ids=school_ids)
        data.profiles = {p.pk: p for p in VmboProfile.objects.all()}
        for school_id, profile_id, status in StoredStatus.objects.filter(
            person_id=person_id, school_id__in=data.school_ids
        ).values_list("school_id", "profile_id", "status"):
            data.teaching[(school_id, person_id)].add(profile_id)
            data.stored[(school_id, person_id, profile_id)] = status
        if records is None:
            records = QualificationRecord.objects.filter(person_id=person_id).select_related("qualification")
        for record in records:
            if record.state != VerificationState.REJECTED:
                data.has_records.add(record.person_id)
                data.records[record.person_id].append(record)
        data._load_rules()
        return data

    def _load_rules(self):
        for rule in active_rules():
            self.rules[rule.qualification_id].append(rule)
            self.rules_by_profile[rule.profile_id].append(rule)

    def statuses_of(self, school_id, person_id) -> list[ProfileStatus]:
        ids = self.teaching.get((school_id, person_id), set())
        ordered = sorted(ids, key=lambda pid: (self.profiles[pid].sort_order, self.profiles[pid].code))
        return [self.derive(school_id, person_id, pid) for pid in ordered]


# The teacher's own view --------------------------------------------------------------------


def teacher_statuses(person, on: date | None = None, records=None):
    """[(school, [ProfileStatus, ...]), ...] for each school where the person teaches.

    Today's come from the stored statuses (a school of 400 is not read for one teacher); another
    date derives. `records`: all of this person's qualification records, if the caller read them.
    """
    from django.utils import timezone

    today = timezone.localdate()
    on = on or today
    schools = {m.organisation_id: m.organisation for m in person.active_memberships if m.role == Role.TEACHER}
    if not schools:
        return []
    if on == today:
        data = StatusData.from_stored(person_id=person.pk, school_ids=schools.keys(), records=records)
    else:
        data = StatusData.load(on=on, school_ids=schools.keys(), full_for=[person.pk], full_records=records)
    return [(school, data.statuses_of(school_id, person.pk)) for school_id, school in schools.items()]
