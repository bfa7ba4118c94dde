"""The staff spreadsheet import (HR's web upload and `manage.py import_staff`), all-or-nothing.

`plan_import` reads and checks every row against a handful of bulk look-ups and returns the
creates/changes it would make plus every bad row; `apply_import` writes the plan inside one
transaction, and only when no row is bad. Unchanged rows write nothing (and no history).
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from community.models import Membership, Organisation, Person, Role, SchoolType, VmboProfile

from ..models import (
    Qualification,
    QualificationRecord,
    StaffRecord,
    VerificationState,
    normalise_qualification,
)

COLUMNS = [
    "email", "first_name", "last_name", "school", "school_name", "teaches", "qualification", "grade",
    "obtained_on", "leaving_on",
]
REQUIRED = ["email", "first_name", "last_name", "school", "qualification", "grade", "obtained_on"]
# Dutch headers as Dutch HR spreadsheets name the columns.
ALIASES = {
    "e-mail": "email", "e-mailadres": "email", "emailadres": "email",
    "voornaam": "first_name", "achternaam": "last_name",
    "brin": "school", "schoolnaam": "school_name",
    "profielen": "teaches", "geeft_les_in": "teaches", "lesgeeft": "teaches",
    "kwalificatie": "qualification", "bevoegdheid": "qualification", "graad": "grade",
    "behaald_op": "obtained_on", "datum_behaald": "obtained_on",
    "vertrekdatum": "leaving_on", "verwachte_vertrekdatum": "leaving_on",
}
MAX_BYTES = 5 * 1024 * 1024
EXAMPLE_ROWS = [
    ["s.devries@example.org", "Sanne", "de Vries", "20AE", "Zuiderpark College", "PIE;BWI", "Bouwkunde I en II", "2", "2008-06-30", ""],
    ["s.devries@example.org", "Sanne", "de Vries", "20AE", "Zuiderpark College", "PIE;BWI", "Metaaltechniek", "2", "2012-07-01", ""],
    ["j.jansen@example.org", "Jeroen", "Jansen", "20AE", "Zuiderpark College", "PIE", "PIE", "2", "2019-07-01", "2027-07-31"],
]


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, missing columns)."""


@dataclass
class Change:
    line: int
    kind: str  # "create" or "update"
    what: str
    description: str


@dataclass
class ImportPlan:
    rows: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    actions: list = field(default_factory=list)  # callables(by) run by apply_import

    @property
    def ok(self):
        return not self.errors

    def error(self, line, message):
        self.errors.append((line, message))


# Reading -----------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252.
        return data.decode("cp1252", errors="replace")


def read_rows(data: bytes, filename: str = "") -> list[tuple[int, dict]]:
    """[(line number, {column: text}), ...] from CSV (comma or semicolon) or XLSX bytes."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is too large (at most 5 MB)."))
    if data.startswith(b"PK\x03\x04"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
            raise ImportFileError(_("The XLSX file cannot be read.")) from None
        sheet = workbook.worksheets[0]
        table = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        if filename.lower().endswith((".xls", ".xlsx", ".ods")):
            raise ImportFileError(_("Save the sheet as XLSX or CSV."))
        text = _decode(data)
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        table = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [_header(h) for h in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            _("Missing column(s): %(columns)s. The first row must name the columns: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )
    rows = []
    for number, values in enumerate(table[1:], start=2):
        if not any((v or "").strip() for v in values):
            continue
        row = {name: (values[i] if i < len(values) else "").strip() for i, name in enumerate(header) if name}
        rows.append((number, row))
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header(text) -> str:
    key = re.sub(r"[\s-]+", "_", (text or "").strip().lower()).replace("e_mail", "e-mail")
    if key in COLUMNS:
        return key
    return ALIASES.get(key, ALIASES.get(key.replace("_", "-"), ""))


def _date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError
    return date.fromisoformat(text)


# Planning ----------------------------------------------------------------------------------


@dataclass
class _Person:
    line: int
    email: str
    first_name: str
    last_name: str
    teaches: dict = field(default_factory=dict)  # school pk → (line, tuple of codes)
    leaving: dict = field(default_factory=dict)  # school pk → (line, date | None)


def plan_import(rows, *, school_ids=None, create_schools=False, today: date | None = None) -> ImportPlan:
    """Check every row; `school_ids` limits the schools (HR: its own), None: any (the hub)."""
    today = today or timezone.localdate()
    plan = ImportPlan(rows=len(rows))
    schools = list(Organisation.objects.schools())
    by_brin = {s.brin.upper(): s for s in schools if s.brin}
    by_name = {s.name.casefold(): s for s in schools}
    profiles = {p.code.upper(): p for p in VmboProfile.objects.all()}
    qualifications = {q.key: q for q in Qualification.objects.all()}
    new_schools: dict[str, Organisation] = {}

    people: dict[str, _Person] = {}
    holdings = {}  # (email, qualification key) → (line, qualification | profile, grade, obtained_on)
    seen_rows = {}
    for line, row in rows:
        problems = [_("empty required cell “%(column)s”") % {"column": c} for c in REQUIRED if not row.get(c)]
        if problems:
            plan.error(line, "; ".join(problems))
            continue
        email = row["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            plan.error(line, _("invalid email address “%(value)s”") % {"value": row["email"]})
            continue
        signature = tuple(row.get(c, "") for c in COLUMNS)
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
                plan.actions.append(lambda by, s=school: s.save())
            else:
                hint = _(" (use --create-schools with a school_name to create it)") if school_ids is None and not create_schools else ""
                school_problem = _("unknown school “%(school)s”") % {"school": school_key} + hint
        elif school_ids is not None and school.pk not in school_ids:
            school_problem = _("school “%(school)s” is not yours to import") % {"school": school_key}

        problems = [school_problem] if school_problem else []
        codes = tuple(sorted({c.strip().upper() for c in re.split(r"[;,/ ]+", row.get("teaches", "")) if c.strip()}))
        unknown = [c for c in codes if c not in profiles]
        if unknown:
            problems.append(_("unknown profile(s) in teaches: %(codes)s") % {"codes": ", ".join(unknown)})
        what = row["qualification"]
        target = profiles.get(what.strip().upper()) or qualifications.get(normalise_qualification(what))
        if target is None:
            problems.append(_("unknown qualification “%(name)s” (not in the conversion table, not a profile code)") % {"name": what})
        grade = row["grade"]
        if grade not in ("1", "2"):
            problems.append(_("grade must be 1 or 2, not “%(value)s”") % {"value": grade})
        obtained_on = leaving_on = None
        try:
            obtained_on = _date(row["obtained_on"])
            if obtained_on > today:
                problems.append(_("obtained_on lies in the future"))
        except ValueError:
            problems.append(_("bad date in obtained_on “%(value)s” (use YYYY-MM-DD)") % {"value": row["obtained_on"]})
        if row.get("leaving_on"):
            try:
                leaving_on = _date(row["leaving_on"])
            except ValueError:
                problems.append(_("bad date in leaving_on “%(value)s” (use YYYY-MM-DD)") % {"value": row["leaving_on"]})
        if problems:
            plan.error(line, "; ".join(problems))
            continue

        person = people.setdefault(email, _Person(line, email, row["first_name"], row["last_name"]))
        if (person.first_name, person.last_name) != (row["first_name"], row["last_name"]):
            plan.error(line, _("the name differs from line %(line)s for the same email") % {"line": person.line})
            continue
        key = school.pk or school.brin
        # A later row may leave teaches / leaving_on empty ("as above"); two different values clash.
        if codes and person.teaches.get(key, (0, ()))[1] not in ((), codes):
            plan.error(line, _("teaches differs from line %(line)s for the same person and school") % {"line": person.teaches[key][0]})
            continue
        if leaving_on and person.leaving.get(key, (0, None))[1] not in (None, leaving_on):
            plan.error(line, _("leaving_on differs from line %(line)s for the same person and school") % {"line": person.leaving[key][0]})
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


def _plan_writes(plan, people, holdings, profiles, today):
    existing = {p.email: p for p in Person.objects.filter(email__in=people.keys())}
    school_pks = {k for p in people.values() for k in p.teaches if isinstance(k, int)}
    memberships = {}
    for m in Membership.objects.active(on=today).filter(
        person__email__in=people.keys(), organisation_id__in=school_pks, role=Role.TEACHER
    ).select_related("person").prefetch_related("profiles"):
        memberships.setdefault((m.person.email, m.organisation_id), m)
    staff = {
        (s.person.email, s.school_id): s
        for s in StaffRecord.objects.filter(person__email__in=people.keys()).select_related("person")
    }
    records = {}
    for r in QualificationRecord.objects.filter(person__email__in=people.keys()).select_related("person"):
        key = ("p", r.direct_profile_id) if r.direct_profile_id else ("q", r.qualification_id)
        records[(r.person.email, key)] = r
    people_obj = {}

    for email, row in people.items():
        person = existing.get(email)
        if person is None:
            person = Person(email=email, first_name=row.first_name, last_name=row.last_name)
            person.set_unusable_password()
            plan.changes.append(Change(row.line, "create", _("person"), f"{row.first_name} {row.last_name} <{email}>"))
            plan.actions.append(lambda by, p=person: p.save())
        elif (person.first_name, person.last_name) != (row.first_name, row.last_name):
            plan.changes.append(Change(
                row.line, "update", _("person"),
                _("name %(old)s → %(new)s") % {"old": person.get_full_name(), "new": f"{row.first_name} {row.last_name}"},
            ))

            def rename(by, p=person, r=row):
                p.first_name, p.last_name = r.first_name, r.last_name
                p.save(update_fields=["first_name", "last_name"])

            plan.actions.append(rename)
        people_obj[email] = person

        for key, (line, codes, school) in row.teaches.items():
            wanted = [profiles[c] for c in codes]
            membership = memberships.get((email, school.pk)) if school.pk else None
            if membership is None:
                plan.changes.append(Change(
                    line, "create", _("teacher at school"),
                    _("%(name)s teaches %(codes)s at %(school)s") % {"name": email, "codes": "; ".join(codes) or "—", "school": school.name},
                ))

                def add_membership(by, p=person, s=school, w=wanted):
                    m = Membership.objects.create(person=p, organisation=s, role=Role.TEACHER, start_date=today)
                    m.profiles.set(w)

                plan.actions.append(add_membership)
            elif {p.code for p in membership.profiles.all()} != set(codes):
                old = "; ".join(sorted(p.code for p in membership.profiles.all())) or "—"
                plan.changes.append(Change(
                    line, "update", _("profiles taught"),
                    f"{email} @ {school.name}: {old} → {'; '.join(codes) or '—'}",
                ))
                plan.actions.append(lambda by, m=membership, w=wanted: m.profiles.set(w))
            leaving_on = row.leaving[key][1]
            record = staff.get((email, school.pk)) if school.pk else None
            current = record.leaving_on if record else None
            if current != leaving_on:
                plan.changes.append(Change(
                    line, "update" if record else "create", _("expected leaving date"),
                    f"{email} @ {school.name}: {current or '—'} → {leaving_on or '—'}",
                ))

                def set_leaving(by, p=person, s=school, d=leaving_on):
                    from .authorisation import staff_record_set

                    staff_record_set(person=p, school=s, leaving_on=d, by=by, reason="import")

                plan.actions.append(set_leaving)

    for (email, key), (line, target, grade, obtained_on) in holdings.items():
        person = people_obj[email]
        record = records.get((email, key))
        label = f"{email}: {target.code if isinstance(target, VmboProfile) else target.name} ({grade}, {obtained_on})"
        if record is None:
            plan.changes.append(Change(line, "create", _("qualification record"), label))
            plan.actions.append(lambda by, p=person, t=target, g=grade, d=obtained_on: _create_record(p, t, g, d, by))
        elif (record.grade, record.obtained_on, record.state) != (grade, obtained_on, VerificationState.VERIFIED):
            plan.changes.append(Change(line, "update", _("qualification record"), label))
            plan.actions.append(lambda by, r=record, g=grade, d=obtained_on: _update_record(r, g, d, by))


def _create_record(person, target, grade, obtained_on, by):
    record = QualificationRecord(
        person=person, grade=grade, obtained_on=obtained_on, state=VerificationState.VERIFIED,
        verified_at=timezone.now(),
        **({"direct_profile": target} if isinstance(target, VmboProfile) else {"qualification": target}),
    )
    _stamp(record, by)
    record._change_reason = "import"
    record.save()


def _update_record(record, grade, obtained_on, by):
    record.grade, record.obtained_on = grade, obtained_on
    record.state, record.verified_at = VerificationState.VERIFIED, timezone.now()
    _stamp(record, by)
    record._change_reason = "import"
    record.save()


def _stamp(record, by):
    if by is not None:
        record.verified_by = by
        record._history_user = by


@transaction.atomic
def apply_import(plan: ImportPlan, *, by=None) -> int:
    """Write the plan; refuses a plan with bad rows. Returns the number of changes written."""
    if not plan.ok:
        raise ValueError("A plan with bad rows is never applied.")
    for action in plan.actions:
        action(by)
    return len(plan.changes)


def import_staff(data: bytes, *, filename="", school_ids=None, create_schools=False, dry_run=False, by=None):
    """Read, plan and (unless dry_run or any row is bad) apply. Returns the plan."""
    plan = plan_import(read_rows(data, filename), school_ids=school_ids, create_schools=create_schools)
    if plan.ok and not dry_run:
        apply_import(plan, by=by)
    return plan


def template_rows():
    return COLUMNS, EXAMPLE_ROWS
