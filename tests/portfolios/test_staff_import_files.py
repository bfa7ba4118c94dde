"""The staff import with files as HR offices save them, and garbage refused in one Dutch sentence."""

import io
from datetime import date, datetime

import pytest
from django.core.management import ManagementUtility
from django.urls import reverse
from openpyxl import Workbook

from community.models import Membership, Person
from portfolios.models import QualificationRecord, StaffRecord
from portfolios.reports import inventory as reports
from portfolios.services.staff_import import ImportFileError, import_staff, parse_date

pytestmark = pytest.mark.django_db

DUTCH_HEADER = ["e-mailadres", "voornaam", "tussenvoegsel", "achternaam", "brin", "schoolnaam", "profielen",
                "kwalificatie", "graad", "behaald_op", "vertrekdatum"]
# (email, first, tussenvoegsel, last, teaches, qualification, grade, obtained, leaving)
STAFF = [
    ("s.devries@example.org", "Sanne", "de", "Vries", "PIE;BWI", "Bouwkunde I en II", 2, date(2008, 6, 30), None),
    ("s.devries@example.org", "Sanne", "de", "Vries", "PIE;BWI", "Metaaltechniek", 2, date(2012, 7, 1), None),
    ("z.celik@example.org", "Zoë", "", "Çelik", "PIE", "Elektrotechniek", 2, date(2019, 9, 1), date(2030, 7, 31)),
    ("p.vanleeuwen@example.org", "Piet", "van", "Leeuwen", "BWI", "Electrotechniek", 1, date(2001, 1, 5), None),
]


def dutch_csv(encoding="utf-8-sig", day_format="{d.day}-{d.month}-{d.year}"):
    lines = [";".join(DUTCH_HEADER)]
    for email, first, tv, last, teaches, qualification, grade, obtained, leaving in STAFF:
        dates = [day_format.format(d=obtained), day_format.format(d=leaving) if leaving else ""]
        lines.append(";".join([email, first, tv, last, "20AE", "Zuiderpark College", f"\"{teaches}\"", qualification, str(grade), *dates]))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def iso_csv():
    lines = ["email,first_name,tussenvoegsel,last_name,school,school_name,teaches,qualification,grade,obtained_on,leaving_on"]
    for email, first, tv, last, teaches, qualification, grade, obtained, leaving in STAFF:
        lines.append(",".join([email, first, tv, last, "20AE", "", f'"{teaches}"', qualification, str(grade),
                               obtained.isoformat(), leaving.isoformat() if leaving else ""]))
    return "\n".join(lines).encode()


def xlsx(serial_numbers=False):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([h.replace("_", " ").title() for h in DUTCH_HEADER])
    for email, first, tv, last, teaches, qualification, grade, obtained, leaving in STAFF:
        when = (obtained - date(1899, 12, 30)).days if serial_numbers else datetime(obtained.year, obtained.month, obtained.day)
        sheet.append([email, first, tv, last, "20AE", "Zuiderpark College", teaches, qualification, grade, when, leaving])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def snapshot():
    """What a user of the platform notices: people, what they teach, records, HR data, figures."""
    people = sorted((p.email, p.first_name, p.tussenvoegsel, p.last_name) for p in Person.objects.all())
    teaching = sorted(
        (m.person.email, tuple(sorted(p.code for p in m.profiles.all()))) for m in Membership.objects.select_related("person")
    )
    records = sorted(
        (r.person.email, str(r.qualification), r.grade, r.obtained_on, r.state) for r in QualificationRecord.objects.all()
    )
    staff = sorted((s.person.email, s.leaving_on) for s in StaffRecord.objects.all())
    on = date(2026, 10, 1)
    figures = reports.inventory_table(reports.inventory(on=on, until=date(2031, 8, 1)))
    return people, teaching, records, staff, figures


FILES = {
    "iso-csv": (iso_csv, "staff.csv"),
    "dutch-excel-csv-bom": (lambda: dutch_csv(), "personeel.csv"),
    "dutch-excel-csv-padded-dates": (lambda: dutch_csv(day_format="{d.day:02d}-{d.month:02d}-{d.year}"), "personeel.csv"),
    "dutch-excel-csv-slashes": (lambda: dutch_csv(day_format="{d.day}/{d.month}/{d.year}"), "personeel.csv"),
    "windows-1252-csv": (lambda: dutch_csv(encoding="cp1252"), "personeel.csv"),
    "xlsx-date-cells": (lambda: xlsx(), "personeel.xlsx"),
    "xlsx-serial-numbers": (lambda: xlsx(serial_numbers=True), "personeel.xlsx"),
}


@pytest.fixture
def reference(school, django_db_blocker):
    plan = import_staff(iso_csv(), filename="staff.csv")
    assert plan.ok, plan.errors
    result = snapshot()
    Person.objects.all().delete()
    return result


@pytest.mark.parametrize("kind", list(FILES))
def test_the_same_staff_in_every_format_gives_the_same_records_and_figures(reference, kind):
    make, filename = FILES[kind]
    plan = import_staff(make(), filename=filename)
    assert plan.ok, plan.errors
    assert snapshot() == reference
    person = Person.objects.get(email="z.celik@example.org")
    assert (person.first_name, person.last_name) == ("Zoë", "Çelik")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1-9-2021", date(2021, 9, 1)), ("01-09-2021", date(2021, 9, 1)), ("1/9/2021", date(2021, 9, 1)),
     ("2021-09-01", date(2021, 9, 1)), ("44440", date(2021, 9, 1)), (44440, date(2021, 9, 1))],
)
def test_dates_as_hr_offices_write_them(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31-02-2001", "2001-02-31", "9-2021", "volgend jaar", "123"])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_an_impossible_date_names_the_line(school):
    data = dutch_csv().replace(b"30-6-2008", b"31-2-2001")
    plan = import_staff(data, filename="personeel.csv")
    assert [line for line, _ in plan.errors] == [2]
    assert "31-2-2001" in plan.errors[0][1]
    assert not Person.objects.exists()


def test_tab_separated_with_english_headers(school):
    data = iso_csv().decode().replace('"PIE;BWI"', "PIE;BWI").replace(",", "\t").encode()
    plan = import_staff(data, filename="staff.tsv")
    assert plan.ok, plan.errors
    assert Person.objects.count() == 3


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
BINARY = bytes((i * 37) % 256 for i in range(3000))
GARBAGE = {
    "binary": (BINARY, "staff.csv", "geen spreadsheet"),
    "png-renamed": (PNG, "foto.csv", "geen spreadsheet"),
    "no-header": (b"jan@example.org;Jan;Jansen;20AE\r\npiet@example.org;Piet;Bos;20AE\r\n", "staff.csv", "kopregel"),
    "empty": (b"\xef\xbb\xbf\r\n;;;\r\n", "staff.csv", "leeg"),
    "broken-xlsx": (b"PK\x03\x04" + b"\x00" * 100, "staff.xlsx", "xlsx"),
}


@pytest.mark.parametrize("kind", list(GARBAGE))
def test_garbage_is_refused_with_one_dutch_sentence(school, kind):
    data, filename, words = GARBAGE[kind]
    with pytest.raises(ImportFileError) as error:
        import_staff(data, filename=filename)
    message = str(error.value)
    assert words in message.lower()
    assert message.count(". ") == 0 and message.endswith(".")
    assert not Person.objects.exists()


@pytest.mark.parametrize("kind", ["binary", "png-renamed", "no-header"])
def test_the_command_exits_1_without_a_traceback(tmp_path, school, kind, capsys, monkeypatch):
    data, filename, words = GARBAGE[kind]
    # run_from_argv closes every connection when it ends; on PostgreSQL that would close the
    # test's own transaction. The command's error handling runs unchanged.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    path = tmp_path / filename
    path.write_bytes(data)
    # As from the shell (manage.py import_staff FILE), not call_command: the real error handling.
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "import_staff", str(path)]).execute()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert words in err.lower()
    assert not Person.objects.exists()


@pytest.mark.parametrize("kind", ["binary", "png-renamed", "no-header"])
def test_the_web_shows_the_form_with_the_error(login, hr, school, kind):
    data, filename, words = GARBAGE[kind]
    client = login(hr)
    upload = io.BytesIO(data)
    upload.name = filename
    response = client.post(reverse("portfolios:authorisation_import"), {"file": upload})
    assert response.status_code == 200
    assert words in response.content.decode().lower()
    assert Person.objects.count() == 1  # only HR itself


def test_a_leaving_date_in_the_past_ends_the_employment_on_that_date(school):
    import_staff(dutch_csv(), filename="personeel.csv")
    membership = Membership.objects.get(person__email="s.devries@example.org")
    membership.start_date = date(2020, 8, 1)
    membership.save()
    data = dutch_csv().replace(b"30-6-2008;", b"30-6-2008;31-7-2024")
    plan = import_staff(data, filename="personeel.csv")
    assert plan.ok, plan.errors
    membership.refresh_from_db()
    assert membership.end_date == date(2024, 7, 31)
    assert not Membership.objects.active().filter(person__email="s.devries@example.org").exists()
    assert membership.history.first().end_date == date(2024, 7, 31)


def test_a_past_leaving_date_for_someone_new_is_refused(school):
    data = dutch_csv().replace(b"30-6-2008;", b"30-6-2008;31-7-2024")
    plan = import_staff(data, filename="personeel.csv")
    assert [line for line, _ in plan.errors] == [2]
    assert "verleden" in plan.errors[0][1]
    assert not Person.objects.exists()
