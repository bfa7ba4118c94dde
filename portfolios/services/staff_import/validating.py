"""Checking every row of a staff file and planning the writes, without writing anything.

`plan_import` runs a handful of bulk look-ups, checks every row and returns an `ImportPlan`:
the changes it would make (for HR to read) plus every bad row. The plan holds plain data
(objects to create, fields to change) that `writing.apply_import` writes in bulk.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.models import Membership, Organisation, Person, Role, SchoolType, VmboProfile

from ...models import (
    Qualification,
    QualificationRecord,
    StaffRecord,
    VerificationState,
    normalise_qualification,
)
from .reading import COLUMNS, REQUIRED, column_label, parse_date

LOOKUP_CHUNK = 2000  # keeps `IN (...)` lists well under SQLite's variable limit


@dataclass
class Change:
    line: int
    kind: str  # "create" or "update"
    what: str
    description: str


@dataclass
class Writes:
    """Everything `apply_import` writes, as plain data."""

    schools: list = field(default_factory=list)  # unsaved Organisation
    people: list = field(default_factory=list)  # unsaved Person
    renames: list = field(default_factory=list)  # (Person, first, tussenvoegsel, last)
    memberships: list = field(default_factory=list)  # (email, school, [profile ids])
    profile_sets: list = field(default_factory=list)  # (Membership, [profile ids])
    endings: list = field(default_factory=list)  # (Membership, end date): a leaving date in the past
    staff: list = field(default_factory=list)  # (email, school, leaving_on, StaffRecord | None)
    records: list = field(default_factory=list)  # (email, target, grade, obtained_on)
    record_updates: list = field(default_factory=list)  # (QualificationRecord, grade, obtained_on)


@dataclass
class ImportPlan:
    rows: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    writes: Writes = field(default_factory=Writes)
    people_by_email: dict = field(default_factory=dict)
    today: date | None = None

    @property
    def ok(self):
        return not self.errors

    @property
    def new_people(self):
        return len(self.writes.people)

    def error(self, line, message):
        self.errors.append((line, message))


@dataclass
class _Person:
    line: int
    email: str
    first_name: str
    tussenvoegsel: str
    last_name: str
    teaches: dict = field(default_factory=dict)  # school key → (line, codes, school)
    leaving: dict = field(default_factory=dict)  # school key → (line, date | None)


def _chunks(items, size=LOOKUP_CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def plan_import(rows, *, school_ids=None, create_schools=False, today: date | None = None) -> ImportPlan:
    """Check every row; `school_ids` limits the schools (HR: its own), None: any (the hub)."""
    today = today or timezone.localdate()
    plan = ImportPlan(rows=len(rows), today=today)
    schools = list(Organisation.objects.schools())
    by_brin = {s.brin.upper(): s for s in schools if s.brin}
    by_name = {s.name.casefold(): s for s in schools}
    profiles = {p.code.upper(): p for p in VmboProfile.objects.all()}
    qualifications = {q.key: q for q in Qualification.objects.all()}
    new_schools: dict[str, Organisation] = {}

    def label(column):
        return column_label(rows, column)

    people: dict[str, _Person] = {}
    holdings = {}  # (email, ("p"|"q", pk)) → (line, target, grade, obtained_on)
    seen_rows = {}
    for line, row in rows:
        problems = [_("empty required cell “%(column)s”") % {"column": label(c)} for c in REQUIRED if not row.get(c)]
        if problems:
            plan.error(line, "; ".join(problems))
            continue
        email = row["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            plan.error(line, _("invalid email address “%(value)s”") % {"value": row["email"]})
            continue
        signature = tuple(str(row.get(c, "")) for c in COLUMNS)
        if signature in seen_rows:
            plan.error(line, _("duplicate of line %(line)s") % {"line": seen_rows[signature]})
            continue
        seen_rows[signature] = line

        school_key = row["school"].strip()
        school_problem = ""
        school = by_brin.get(school_key.upper()) or by_name.get(school_key.casefold()) or new_schools.get(school_key.upper())
        if school is None:
            if create_schools and re.fullmatch(r"[0-9A-Za-z]{4}", school_key) and row.get("school_name"):
                school = Organisation(
                    name=row["school_name"], kind=Organisation.Kind.SCHOOL, school_type=SchoolType.VMBO,
                    brin=school_key.upper(),
                )
                if school.name.casefold() in by_name:
                    plan.error(line, _("a school named “%(name)s” exists with another BRIN") % {"name": school.name})
                    continue
                new_schools[school_key.upper()] = school
                plan.changes.append(Change(line, "create", _("school"), f"{school.name} ({school.brin})"))
                plan.writes.schools.append(school)
            else:
                hint = _(" (use --create-schools with a school_name to create it)") if school_ids is None and not create_schools else ""
                school_problem = _("unknown school “%(school)s”") % {"school": school_key} + hint
        elif school_ids is not None and school.pk not in school_ids:
            school_problem = _("school “%(school)s” is not yours to import") % {"school": school_key}

        problems = [school_problem] if school_problem else []
        codes = tuple(sorted({c.strip().upper() for c in re.split(r"[;,/ ]+", row.get("teaches", "")) if c.strip()}))
        unknown = [c for c in codes if c not in profiles]
        if unknown:
            problems.append(
                ngettext("unknown profile in %(column)s: %(codes)s", "unknown profiles in %(column)s: %(codes)s", len(unknown))
                % {"column": label("teaches"), "codes": ", ".join(unknown)}
            )
        what = row["qualification"]
        target = profiles.get(what.strip().upper()) or qualifications.get(normalise_qualification(what))
        if target is None:
            problems.append(_("unknown qualification “%(name)s” (not in the conversion table, not a profile code)") % {"name": what})
        grade = row["grade"]
        if grade not in ("1", "2"):
            problems.append(_("grade must be 1 or 2, not “%(value)s”") % {"value": grade})
        obtained_on = leaving_on = None
        try:
            obtained_on = parse_date(row["obtained_on"])
            if obtained_on > today:
                problems.append(_("%(column)s lies in the future") % {"column": label("obtained_on")})
        except ValueError:
            problems.append(
                _("bad date in %(column)s “%(value)s” (use for example 30-6-2010 or 2010-06-30)")
                % {"column": label("obtained_on"), "value": row["obtained_on"]}
            )
        if row.get("leaving_on"):
            try:
                leaving_on = parse_date(row["leaving_on"])
            except ValueError:
                problems.append(
                    _("bad date in %(column)s “%(value)s” (use for example 31-7-2027 or 2027-07-31)")
                    % {"column": label("leaving_on"), "value": row["leaving_on"]}
                )
        if problems:
            plan.error(line, "; ".join(problems))
            continue

        tussenvoegsel = row.get("tussenvoegsel", "")
        person = people.setdefault(email, _Person(line, email, row["first_name"], tussenvoegsel, row["last_name"]))
        if (person.first_name, person.tussenvoegsel, person.last_name) != (row["first_name"], tussenvoegsel, row["last_name"]):
            plan.error(line, _("the name differs from line %(line)s for the same email") % {"line": person.line})
            continue
        key = school.pk or school.brin
        # A later row may leave teaches / leaving_on empty ("as above"); two different values clash.
        if codes and person.teaches.get(key, (0, ()))[1] not in ((), codes):
            plan.error(line, _("%(column)s differs from line %(line)s for the same person and school")
                       % {"column": label("teaches"), "line": person.teaches[key][0]})
            continue
        if leaving_on and person.leaving.get(key, (0, None))[1] not in (None, leaving_on):
            plan.error(line, _("%(column)s differs from line %(line)s for the same person and school")
                       % {"column": label("leaving_on"), "line": person.leaving[key][0]})
            continue
        if codes or key not in person.teaches:
            person.teaches[key] = (line, codes, school)
        if leaving_on or key not in person.leaving:
            person.leaving[key] = (line, leaving_on)
        hold_key = (email, ("p", target.pk) if isinstance(target, VmboProfile) else ("q", target.pk))
        if hold_key in holdings:
            plan.error(line, _("the same qualification is already on line %(line)s") % {"line": holdings[hold_key][0]})
            continue
        holdings[hold_key] = (line, target, int(grade), obtained_on)

    if plan.errors:
        return plan
    _plan_writes(plan, people, holdings, profiles, today)
    return plan


def _existing(people):
    """Bulk look-ups of what the file's people already have: a few queries per 2,000 people."""
    existing, memberships, staff, records = {}, {}, {}, {}
    school_pks = {k for p in people.values() for k in p.teaches if isinstance(k, int)}
    for emails in _chunks(people.keys()):
        existing.update({p.email: p for p in Person.objects.filter(email__in=emails)})
        for m in Membership.objects.active().filter(
            person__email__in=emails, organisation_id__in=school_pks, role=Role.TEACHER
        ).select_related("person").prefetch_related("profiles"):
            memberships.setdefault((m.person.email, m.organisation_id), m)
        for s in StaffRecord.objects.filter(person__email__in=emails).select_related("person"):
            staff[(s.person.email, s.school_id)] = s
        for r in QualificationRecord.objects.filter(person__email__in=emails).select_related("person"):
            key = ("p", r.direct_profile_id) if r.direct_profile_id else ("q", r.qualification_id)
            records[(r.person.email, key)] = r
    return existing, memberships, staff, records


def _plan_writes(plan, people, holdings, profiles, today):
    existing, memberships, staff, records = _existing(people)
    writes = plan.writes

    for email, row in people.items():
        person = existing.get(email)
        if person is None:
            person = Person(email=email, first_name=row.first_name, tussenvoegsel=row.tussenvoegsel, last_name=row.last_name)
            writes.people.append(person)
            plan.changes.append(Change(row.line, "create", _("person"), f"{person.get_full_name()} <{email}>"))
        elif (person.first_name, person.tussenvoegsel, person.last_name) != (row.first_name, row.tussenvoegsel, row.last_name):
            new_name = " ".join(p for p in (row.first_name, row.tussenvoegsel, row.last_name) if p)
            plan.changes.append(Change(
                row.line, "update", _("person"), _("name %(old)s → %(new)s") % {"old": person.get_full_name(), "new": new_name},
            ))
            writes.renames.append((person, row.first_name, row.tussenvoegsel, row.last_name))
        plan.people_by_email[email] = person

        for key, (line, codes, school) in row.teaches.items():
            wanted = [profiles[c].pk for c in codes]
            # The leaving date may sit on another line of the same person and school than the
            # profiles taught; messages about it name the line that holds it.
            leaving_line, leaving_on = row.leaving[key]
            membership = memberships.get((email, school.pk)) if school.pk else None
            if membership is None:
                if leaving_on and leaving_on < today:
                    plan.error(leaving_line, _(
                        "the leaving date %(date)s lies in the past, and this person does not work at this school yet"
                    ) % {"date": leaving_on.strftime("%d-%m-%Y")})
                    continue
                plan.changes.append(Change(
                    line, "create", _("teacher at school"),
                    _("%(name)s teaches %(codes)s at %(school)s") % {"name": email, "codes": "; ".join(codes) or "—", "school": school.name},
                ))
                writes.memberships.append((email, school, wanted))
            else:
                current = {p.pk for p in membership.profiles.all()}
                if current != set(wanted):
                    old = "; ".join(sorted(p.code for p in membership.profiles.all())) or "—"
                    plan.changes.append(Change(
                        line, "update", _("profiles taught"), f"{email} @ {school.name}: {old} → {'; '.join(codes) or '—'}",
                    ))
                    writes.profile_sets.append((membership, wanted))
                if leaving_on and leaving_on < today:
                    # A leaving date in the past: the employment ended on that date (README, "Staff import").
                    plan.changes.append(Change(
                        leaving_line, "update", _("employment ended"), f"{email} @ {school.name}: {leaving_on.strftime('%d-%m-%Y')}",
                    ))
                    writes.endings.append((membership, max(leaving_on, membership.start_date)))
            record = staff.get((email, school.pk)) if school.pk else None
            current = record.leaving_on if record else None
            if current != leaving_on:
                plan.changes.append(Change(
                    line, "update" if record else "create", _("expected leaving date"),
                    f"{email} @ {school.name}: {current or '—'} → {leaving_on or '—'}",
                ))
                writes.staff.append((email, school, leaving_on, record))

    for (email, key), (line, target, grade, obtained_on) in holdings.items():
        record = records.get((email, key))
        label = f"{email}: {target.code if isinstance(target, VmboProfile) else target.name} ({grade}, {obtained_on})"
        if record is None:
            plan.changes.append(Change(line, "create", _("qualification record"), label))
            writes.records.append((email, target, grade, obtained_on))
        elif (record.grade, record.obtained_on, record.state) != (grade, obtained_on, VerificationState.VERIFIED):
            plan.changes.append(Change(line, "update", _("qualification record"), label))
            writes.record_updates.append((record, grade, obtained_on))
