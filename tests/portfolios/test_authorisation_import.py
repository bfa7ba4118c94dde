"""The staff import: every bad row kind, all-or-nothing, encodings, separators, idempotence."""

import csv
import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from community.models import Membership, Person, Role
from portfolios.models import QualificationRecord, StaffRecord
from portfolios.services.staff_import import COLUMNS, import_staff, plan_import, read_rows

pytestmark = pytest.mark.django_db
HEADER = ",".join(COLUMNS)


def row(email="a.jansen@example.org", first="Anna", last="Jansen", school="20AE", school_name="",
        teaches="PIE;BWI", qualification="Metaaltechniek", grade="2", obtained="2010-06-30", leaving=""):
    return ",".join([email, first, last, school, school_name, teaches, qualification, grade, obtained, leaving])


def csv_bytes(*rows, header=HEADER, sep=",", encoding="utf-8"):
    """A CSV file as a spreadsheet saves it (cells with the separator in them are quoted)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    for line in [header, *rows]:
        writer.writerow(line.split(","))
    return buffer.getvalue().encode(encoding)


def run(data, **kwargs):
    return import_staff(data, filename="staff.csv", **kwargs)


def errors(plan):
    return dict(plan.errors)


def test_a_valid_file_creates_person_membership_records_and_leaving_date(school):
    plan = run(csv_bytes(row(leaving="2027-07-31"), row(qualification="Bouwkunde I en II", leaving="2027-07-31")))
    assert plan.ok, plan.errors
    person = Person.objects.get(email="a.jansen@example.org")
    membership = Membership.objects.get(person=person, organisation=school, role=Role.TEACHER)
    assert sorted(membership.profiles.values_list("code", flat=True)) == ["BWI", "PIE"]
    assert QualificationRecord.objects.filter(person=person, state="verified").count() == 2
    assert StaffRecord.objects.get(person=person).leaving_on == date(2027, 7, 31)


def test_reimporting_the_same_file_changes_nothing_and_writes_no_history(school):
    data = csv_bytes(row(leaving="2027-07-31"), row(qualification="PIE"))
    run(data)
    history = (QualificationRecord.history.count(), StaffRecord.history.count())
    plan = run(data)
    assert plan.ok and plan.changes == []
    assert (QualificationRecord.history.count(), StaffRecord.history.count()) == history


def test_a_changed_row_updates_one_record_with_one_history_entry(school):
    run(csv_bytes(row()))
    before = QualificationRecord.history.count()
    plan = run(csv_bytes(row(obtained="2011-01-31")))
    assert [c.kind for c in plan.changes] == ["update"]
    assert QualificationRecord.objects.get().obtained_on == date(2011, 1, 31)
    assert QualificationRecord.history.count() == before + 1


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (row(school="99ZZ"), "onbekende school"),
        (row(qualification="Pottenbakken"), "onbekende kwalificatie"),
        (row(obtained="31-02-2001"), "obtained_on"),
        (row(obtained="2010-02-30"), "obtained_on"),
        (row(leaving="volgend jaar"), "leaving_on"),
        (row(grade="3"), "graad"),
        (row(grade=""), "grade"),
        (row(email=""), "email"),
        (row(first=""), "first_name"),
        (row(email="geen-email"), "e-mailadres"),
        (row(teaches="PIE;XYZ"), "XYZ"),
    ],
)
def test_each_bad_row_kind_is_reported_with_line_and_reason(school, bad, reason):
    plan = run(csv_bytes(row(email="ok@example.org"), bad))
    assert not plan.ok
    assert list(errors(plan)) == [3]
    assert reason.lower() in errors(plan)[3].lower()
    assert not Person.objects.filter(email="ok@example.org").exists()


def test_a_duplicate_row_is_bad(school):
    plan = run(csv_bytes(row(), row()))
    assert "regel 2" in errors(plan)[3]


def test_the_same_qualification_twice_for_one_person_is_bad(school):
    plan = run(csv_bytes(row(), row(obtained="2012-01-01")))
    assert 3 in errors(plan)


def test_a_hundred_row_file_with_one_bad_row_in_the_middle_writes_nothing(school):
    rows = [row(email=f"t{n}@example.org") for n in range(100)]
    rows[50] = row(email="t50@example.org", obtained="gisteren")
    plan = run(csv_bytes(*rows))
    assert list(errors(plan)) == [52]
    assert not Person.objects.filter(email__startswith="t").exists()
    assert QualificationRecord.objects.count() == 0


@pytest.mark.parametrize(
    ("sep", "encoding"),
    [(",", "utf-8"), (";", "utf-8"), (";", "utf-8-sig"), (",", "utf-8-sig"), (";", "cp1252")],
)
def test_encodings_and_separators(school, sep, encoding):
    data = csv_bytes(row(first="Zoë", last="Çelik", qualification="Electrotechniek"), sep=sep, encoding=encoding)
    plan = run(data)
    assert plan.ok, plan.errors
    person = Person.objects.get(email="a.jansen@example.org")
    assert (person.first_name, person.last_name) == ("Zoë", "Çelik")
    assert QualificationRecord.objects.get().qualification.name == "Electrotechniek"


def test_xlsx_with_dutch_headers_and_real_dates(school):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["E-mail", "Voornaam", "Achternaam", "School", "Schoolnaam", "Profielen", "Kwalificatie", "Graad", "Behaald op", "Vertrekdatum"])
    sheet.append(["b@example.org", "Bo", "Bos", "Zuiderpark College", "", "BWI", "bouwkunde i en ii", 2, date(2009, 6, 1), None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = import_staff(buffer.getvalue(), filename="staff.xlsx")
    assert plan.ok, plan.errors
    assert QualificationRecord.objects.get().obtained_on == date(2009, 6, 1)


def test_a_missing_column_is_a_file_error(school):
    from portfolios.services.staff_import import ImportFileError

    with pytest.raises(ImportFileError):
        read_rows(b"email,first_name\nx@example.org,X\n")


def test_hr_scope_refuses_rows_for_another_school(school, other_school):
    plan = plan_import(read_rows(csv_bytes(row(school="20AA"))), school_ids={school.pk})
    assert "niet" in errors(plan)[2]


def test_dry_run_writes_nothing(school):
    plan = run(csv_bytes(row()), dry_run=True)
    assert plan.ok and len(plan.changes) == 3  # person, teacher membership, record
    assert Person.objects.filter(email="a.jansen@example.org").count() == 0


def test_command_imports_and_creates_schools(tmp_path, db):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_bytes(row(school="30XY", school_name="Nieuwe School")))
    out = io.StringIO()
    call_command("import_staff", str(path), "--dry-run", "--create-schools", stdout=out)
    assert "dry run" in out.getvalue() and not Person.objects.exists()
    call_command("import_staff", str(path), "--create-schools", stdout=io.StringIO())
    assert Membership.objects.get(person__email="a.jansen@example.org").organisation.brin == "30XY"
    history = QualificationRecord.history.count()
    assert history == 1
    call_command("import_staff", str(path), "--create-schools", stdout=io.StringIO())
    assert QualificationRecord.history.count() == history


def test_command_refuses_a_file_with_bad_rows(tmp_path, school):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_bytes(row(), row(email="x@example.org", grade="9")))
    with pytest.raises(CommandError, match="1 bad row"):
        call_command("import_staff", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Person.objects.exists()
