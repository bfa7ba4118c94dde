"""Read side of authorisation: the derived status per teacher × profile and the inventories.

Everything here runs on a fixed number of bulk queries (see `StatusData.load`), then derives
in Python: the team rule (PIE covered by several people together) does not aggregate in SQL.
Counts that do aggregate (leaving, deepening, growth) are counted in the database; deepening by
`reports.dossier.needs_deepening_counts`, the one definition the dossier's figures use too.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from community.models import Membership, Organisation, Role, VmboProfile

from ..models import (
    TEAM_PARTS,
    ConversionRule,
    GrowthNeed,
    Outcome,
    Part,
    QualificationRecord,
    StaffRecord,
    VerificationState,
)
from .dossier import needs_deepening_counts

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

MEASURES = ["authorised", "needs_upskilling", "without_route", "no_data", "leaving", "needs_deepening", "needed_for_growth"]
MEASURE_LABELS = {
    "authorised": _("Fully authorised (2nd grade)"),
    "needs_upskilling": _("Still need upskilling for full authorisation"),
    "without_route": _("Teaching it with no route in the conversion table"),
    "no_data": _("Teaching it with no qualification recorded"),
    "leaving": _("Leaving (natural attrition) in the period"),
    "needs_deepening": _("Want deepening or broadening in a profile they teach"),
    "needed_for_growth": _("Extra teachers needed for growth"),
}


def school_year_of(day: date) -> str:
    """The school year a date falls in (it starts on 1 August): 2026-10-01 → "2026-2027"."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


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


@dataclass
class ProfileStatus:
    profile: VmboProfile
    status: str
    sources: list[Source] = field(default_factory=list)
    upskilling: list[str] = field(default_factory=list)
    own_parts: tuple[str, ...] = ()
    missing_parts: tuple[str, ...] = ()

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def badge(self):
        return STATUS_BADGES[self.status]

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
        for rule in ConversionRule.objects.filter(active=True).select_related("qualification"):
            data.rules[rule.qualification_id].append(rule)
            data.rules_by_profile[rule.profile_id].append(rule)
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
        if entry.direct:
            return ProfileStatus(profile, AUTHORISED, [entry.direct])
        if entry.authorised:
            return ProfileStatus(profile, AUTHORISED, [entry.authorised])
        upskilling = list(entry.upskilling)
        conditions = [s.rule.condition or s.rule.get_outcome_display() for s in upskilling]
        if entry.parts:
            needed = self._needed_parts(profile_id)
            own = tuple(p for p in needed if p in entry.parts)
            missing = tuple(p for p in needed if p not in entry.parts)
            if not missing:
                return ProfileStatus(profile, AUTHORISED, list(entry.team), own_parts=own)
            covered = self.team_parts(school_id, profile_id)
            status = TEAM if all(p in covered for p in needed) else UPSKILLING
            return ProfileStatus(
                profile, status, list(entry.team) + upskilling, conditions, own_parts=own, missing_parts=missing
            )
        if upskilling:
            return ProfileStatus(profile, UPSKILLING, upskilling, conditions)
        return ProfileStatus(profile, NO_ROUTE)

    def statuses_of(self, school_id, person_id) -> list[ProfileStatus]:
        ids = self.teaching.get((school_id, person_id), set())
        ordered = sorted(ids, key=lambda pid: (self.profiles[pid].sort_order, self.profiles[pid].code))
        return [self.derive(school_id, person_id, pid) for pid in ordered]


# The teacher's own view --------------------------------------------------------------------


def teacher_statuses(person, on: date | None = None, records=None):
    """[(school, [ProfileStatus, ...]), ...] for each school where the person teaches.

    `records`: all of this person's qualification records, if the caller read them already.
    """
    from django.utils import timezone

    on = on or timezone.localdate()
    schools = {m.organisation_id: m.organisation for m in person.active_memberships if m.role == Role.TEACHER}
    if not schools:
        return []
    data = StatusData.load(on=on, school_ids=schools.keys(), full_for=[person.pk], full_records=records)
    return [(school, data.statuses_of(school_id, person.pk)) for school_id, school in schools.items()]


# HR: the matrix of its school --------------------------------------------------------------


class MatrixRow:
    """One teacher's row. The cells are derived when first read: the HR matrix shows 50 rows of
    a school of 400, and only its status filters and sort read every row's cells."""

    profiles = ()  # the columns, in order (set by the view)

    def __init__(self, person, data, school_id, unverified, leaving_on):
        self.person, self._data, self._school_id = person, data, school_id
        self.unverified, self.leaving_on = unverified, leaving_on

    @cached_property
    def cells(self) -> dict[int, ProfileStatus]:
        return {s.profile.pk: s for s in self._data.statuses_of(self._school_id, self.person.pk)}

    @property
    def ordered(self):
        return [self.cells.get(p.pk) for p in self.profiles]

    @property
    def worst(self):
        ranks = [STATUS_RANK[c.status] for c in self.cells.values() if c]
        return min(ranks) if ranks else 99


def school_matrix(school, on: date):
    """Rows for every teacher at `school` on `on`, their status per profile; a fixed set of queries."""
    data = StatusData.load(on=on, school_ids=[school.pk], light=True)
    from community.models import Person

    # The people alone, with the columns the matrix and its export show (no membership rows).
    people = (
        Person.objects.filter(pk__in=data.teachers().values("person_id"))
        .only("id", "first_name", "tussenvoegsel", "last_name", "email", "sort_name").order_by("sort_name", "id")
    )
    leaving = dict(StaffRecord.objects.filter(school=school).values_list("person_id", "leaving_on"))
    rows = []
    for person in people:
        unverified = sum(1 for r in data.records.get(person.pk, ()) if not r.is_verified)
        rows.append(MatrixRow(person, data, school.pk, unverified, leaving.get(person.pk)))
    return data, rows


def school_coverage(data: StatusData, school):
    """Per profile the school offers: covered individually, by the team together, or not."""
    offered = list(school.profiles_offered.all())
    result = []
    for profile in offered:
        people = [person for (sid, person), pids in data.teaching.items() if sid == school.pk and profile.pk in pids]
        statuses = [data.derive(school.pk, person, profile.pk) for person in people]
        if any(s.status == AUTHORISED for s in statuses):
            result.append((profile, AUTHORISED, _("Covered: at least one teacher is authorised")))
        elif any(s.status == TEAM for s in statuses):
            result.append((profile, TEAM, _("Covered by the team together")))
        else:
            result.append((profile, NO_ROUTE, _("Not covered")))
    return result


# Hub: the regional inventory (section A.5) -------------------------------------------------


@dataclass
class Inventory:
    on: date
    until: date
    school: Organisation | None
    profiles: list[VmboProfile]
    counts: dict[str, dict[str, int]]  # measure → profile code → count
    targets: list[dict]
    target_date: date

    def rows(self):
        return [(m, MEASURE_LABELS[m], [self.counts[m][p.code] for p in self.profiles]) for m in MEASURES]

    def charts(self, width=220, bar=14, gap=6):
        """Per profile: bar geometry for a small hand-made SVG (counts only)."""
        biggest = max([1, *(self.counts[m][p.code] for m in MEASURES for p in self.profiles)])
        charts = []
        for profile in self.profiles:
            bars = []
            for i, measure in enumerate(MEASURES):
                value = self.counts[measure][profile.code]
                bars.append({
                    "measure": measure, "label": MEASURE_LABELS[measure], "value": value,
                    "y": i * (bar + gap), "width": round(value / biggest * width, 1),
                    "text_x": round(value / biggest * width, 1) + 4, "text_y": i * (bar + gap) + bar - 3,
                })
            charts.append({"profile": profile, "bars": bars, "height": len(MEASURES) * (bar + gap), "bar": bar})
        return charts


# What the inventory reads: cached per (date, period, school) until a write there.
INVENTORY_READS = ("portfolios", "community.Membership", "community.VmboProfile", "community.Organisation")


def inventory(*, on: date, until: date, school: Organisation | None = None) -> Inventory:
    """The counts of section A.5; today's are cached in the shared cache until a write they read."""
    from django.core.cache import cache
    from django.utils import timezone

    from community.dashboard import versioned_key

    if on != timezone.localdate():
        return _inventory(on=on, until=until, school=school)
    key = versioned_key("inventory", INVENTORY_READS, f"{on}:{until}:{school.pk if school else 0}")
    result = cache.get(key)
    if result is None:
        result = _inventory(on=on, until=until, school=school)
        cache.set(key, result, 3600)
    return result


def _inventory(*, on: date, until: date, school: Organisation | None = None) -> Inventory:
    from django.utils import timezone

    from ..models import AuthorisationSettings

    school_ids = None if school is None else [school.pk]
    stored = on == timezone.localdate()
    if stored:
        # Today: count the stored statuses in SQL (kept right by services.status_store).
        from ..services.status_store import ensure_fresh

        ensure_fresh()
        profiles = list(VmboProfile.objects.filter(in_inventory=True))
        counts = {m: dict.fromkeys((p.code for p in profiles), 0) for m in MEASURES}
        _count_stored(counts, profiles, school)
        targets = _stored_targets(school)
    else:
        # Another date: derive (past and future reports are rare).
        data = StatusData.load(on=on, school_ids=school_ids, statuses_only=True)
        profiles = [p for p in data.profiles.values() if p.in_inventory]
        counts = {m: dict.fromkeys((p.code for p in profiles), 0) for m in MEASURES}
        by_id = {p.pk: p for p in profiles}
        best: dict[tuple[int, int], str] = {}
        schools_of_person = defaultdict(set)
        for (school_id, person_id), profile_ids in data.teaching.items():
            schools_of_person[person_id].add(school_id)
            for pid in profile_ids:
                if pid not in by_id:
                    continue
                status = data.status(school_id, person_id, pid)
                if (person_id, pid) not in best or STATUS_RANK[status] > STATUS_RANK[best[(person_id, pid)]]:
                    best[(person_id, pid)] = status
        for (_person_id, pid), status in best.items():
            counts[_measure_of(status)][by_id[pid].code] += 1
        targets = _targets(data, best, schools_of_person)

    teachers = Membership.objects.active(on=on).filter(role=Role.TEACHER, **({} if school is None else {"organisation": school}))
    teaching = Membership.profiles.through.objects.filter(membership__in=teachers, vmboprofile__in_inventory=True)
    leaving = teaching.filter(
        Exists(StaffRecord.objects.filter(
            person_id=OuterRef("membership__person_id"), school_id=OuterRef("membership__organisation_id"),
            leaving_on__gt=on, leaving_on__lte=until,
        ))
    )
    for code, n in leaving.values_list("vmboprofile__code").annotate(n=Count("membership__person_id", distinct=True)):
        counts["leaving"][code] = n
    counts["needs_deepening"] = needs_deepening_counts(on, school, profile_codes=[p.code for p in profiles])
    growth = GrowthNeed.objects.filter(needed_by__gt=on, needed_by__lte=until, profile__in_inventory=True)
    if school is not None:
        growth = growth.filter(school=school)
    for code, n in growth.values_list("profile__code").annotate(n=Sum("teachers")):
        counts["needed_for_growth"][code] = n or 0

    target_date = AuthorisationSettings.load().target_date
    return Inventory(on, until, school, profiles, counts, targets, target_date)


def _measure_of(status: str) -> str:
    """Which inventory measure counts a person's best status for a profile."""
    measures = {AUTHORISED: "authorised", NO_ROUTE: "without_route", NO_DATA: "no_data"}
    return measures.get(status, "needs_upskilling")


_BEST_SQL = """
    SELECT s.person_id, s.profile_id, MAX(s.rank) AS best
    FROM portfolios_storedstatus s JOIN community_vmboprofile p ON p.id = s.profile_id
    WHERE p.in_inventory {school}
    GROUP BY s.person_id, s.profile_id
"""


def _school_sql(school):
    return ("AND s.school_id = %s", [school.pk]) if school is not None else ("", [])


def _count_stored(counts, profiles, school):
    """authorised / needs_upskilling / without_route: each person once per profile, best school."""
    from django.db import connection

    status_of_rank = {rank: status for status, rank in STATUS_RANK.items()}
    code_of = {p.pk: p.code for p in profiles}
    where, params = _school_sql(school)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT b.profile_id, b.best, COUNT(*) FROM ({_BEST_SQL.format(school=where)}) b "  # noqa: S608
            "GROUP BY b.profile_id, b.best",
            params,
        )
        for profile_id, rank, n in cursor.fetchall():
            if profile_id in code_of:
                counts[_measure_of(status_of_rank.get(rank, ""))][code_of[profile_id]] += n


def _stored_targets(school):
    """`_targets` counted in SQL on the stored statuses."""
    from django.db import connection

    where, params = _school_sql(school)
    best = _BEST_SQL.format(school=where)
    # Fixed SQL, values as parameters.
    not_full = f"SELECT b.person_id, MAX(CASE WHEN b.best <> %s THEN 1 ELSE 0 END) AS nf FROM ({best}) b GROUP BY b.person_id"  # noqa: S608, E501
    sql = f"""
        SELECT sp.school_id, COUNT(*), SUM(nf.nf) FROM (
            SELECT DISTINCT s.school_id, s.person_id FROM portfolios_storedstatus s
            JOIN community_vmboprofile p ON p.id = s.profile_id WHERE p.in_inventory {where}
        ) sp JOIN ({not_full}) nf ON nf.person_id = sp.person_id
        GROUP BY sp.school_id
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, STATUS_RANK[AUTHORISED], *params])
        per_school = {sid: (int(n), int(nf or 0)) for sid, n, nf in cursor.fetchall()}
        total_sql = f"SELECT COUNT(*), SUM(nf.nf) FROM ({not_full}) nf"  # noqa: S608
        cursor.execute(total_sql, [STATUS_RANK[AUTHORISED], *params])
        total, total_nf = cursor.fetchone()
    names = dict(Organisation.objects.filter(pk__in=per_school.keys()).values_list("pk", "name"))
    rows = [{"school": names.get(sid, "?"), "teachers": n, "not_authorised": nf} for sid, (n, nf) in per_school.items()]
    rows.sort(key=lambda r: r["school"])
    rows.append({"school": None, "teachers": int(total or 0), "not_authorised": int(total_nf or 0)})
    for row in rows:
        row["share"] = round(100 * (row["teachers"] - row["not_authorised"]) / row["teachers"]) if row["teachers"] else 0
    return rows


def _targets(data: StatusData, best, schools_of_person):
    """Per school and for the region: teachers not yet fully authorised for all they teach."""
    not_full = {person for (person, _pid), status in best.items() if status != AUTHORISED}
    teaching_people = {person for (person, _pid) in best}
    per_school = defaultdict(lambda: {"teachers": 0, "not_authorised": 0})
    for person in teaching_people:
        for school_id in schools_of_person[person]:
            per_school[school_id]["teachers"] += 1
            per_school[school_id]["not_authorised"] += person in not_full
    names = dict(Organisation.objects.filter(pk__in=per_school.keys()).values_list("pk", "name"))
    rows = [{"school": names.get(sid, "?"), **vals} for sid, vals in per_school.items()]
    rows.sort(key=lambda r: r["school"])
    rows.append({
        "school": None, "teachers": len(teaching_people), "not_authorised": len(not_full & teaching_people),
    })
    for row in rows:
        row["share"] = round(100 * (row["teachers"] - row["not_authorised"]) / row["teachers"]) if row["teachers"] else 0
    return rows


def inventory_table(inv: Inventory):
    """Header and rows as the CSV export and the management command print them."""
    headers = ["measure", *(p.code for p in inv.profiles)]
    return headers, [[m, *(inv.counts[m][p.code] for p in inv.profiles)] for m in MEASURES]
