"""Who sees what: the teacher's own records and scan, HR of its own school only, the hub's
inventory; and every write path leaves exactly one history entry."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community.models import Role
from portfolios.models import ConversionRule, QualificationRecord, StaffRecord, VerificationState
from tests.conftest import DASHBOARD_MAX_QUERIES
from tests.factories import MembershipFactory, PersonFactory

from .factories_authorisation import hold, qualification

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PNG")
    return SimpleUploadedFile("diploma.png", buffer.getvalue(), content_type="image/png")


def test_teacher_adds_a_record_with_a_scan_and_gets_one_history_entry(login, teacher):
    client = login(teacher)
    response = client.post(reverse("portfolios:authorisation_record_add"), {
        "qualification": qualification("Bouwkunde I en II").pk, "grade": 2, "obtained_on": "2008-06-30", "scan": png(),
    })
    assert response.status_code == 302
    record = QualificationRecord.objects.get(person=teacher)
    assert record.state == VerificationState.SUBMITTED and record.scan
    assert record.history.count() == 1
    assert record.history.first().history_user == teacher
    page = client.get(reverse("portfolios:authorisation_mine")).content.decode()
    assert "Bouwkunde I en II" in page and "Bevoegd" in page
    scan = client.get(reverse("portfolios:authorisation_record_scan", args=[record.pk]))
    assert scan.status_code == 200 and scan["X-Content-Type-Options"] == "nosniff"


def test_saving_an_unchanged_form_writes_no_history(login, teacher):
    record = hold(teacher, "Metaaltechniek", verified=False)
    client = login(teacher)
    client.post(reverse("portfolios:authorisation_record_edit", args=[record.pk]), {
        "qualification": record.qualification_id, "grade": 2, "obtained_on": "2010-06-30",
    })
    assert record.history.count() == 1  # the factory's create only


def test_form_must_choose_table_or_direct(login, teacher):
    response = login(teacher).post(reverse("portfolios:authorisation_record_add"), {"grade": 2, "obtained_on": "2008-06-30"})
    assert response.status_code == 200
    assert not QualificationRecord.objects.exists()


def test_a_teacher_cannot_open_someone_elses_record_or_scan(login, teacher, colleague):
    record = hold(colleague, "Metaaltechniek", scan=SimpleUploadedFile("d.pdf", b"%PDF-1.4 x"))
    client = login(teacher)
    assert client.get(reverse("portfolios:authorisation_record_scan", args=[record.pk])).status_code == 404
    assert client.get(reverse("portfolios:authorisation_record_edit", args=[record.pk])).status_code == 404
    assert client.post(reverse("portfolios:authorisation_record_delete", args=[record.pk])).status_code == 404
    assert "Metaaltechniek" not in client.get(reverse("portfolios:authorisation_mine")).content.decode()


def test_a_teacher_cannot_verify_or_edit_a_verified_own_record(login, teacher):
    record = hold(teacher, "Metaaltechniek", verified=True)
    client = login(teacher)
    assert client.get(reverse("portfolios:authorisation_record_edit", args=[record.pk])).status_code == 403
    unverified = hold(teacher, "Bouwkunde I en II", verified=False)
    assert client.post(reverse("portfolios:authorisation_record_verify", args=[unverified.pk])).status_code == 403


def test_the_teacher_never_sees_the_leaving_date(login, teacher, school):
    StaffRecord.objects.create(person=teacher, school=school, leaving_on=date(2027, 7, 31))
    page = login(teacher).get(reverse("portfolios:authorisation_mine")).content.decode()
    assert "2027" not in page


def test_hr_verifies_with_one_history_entry_naming_hr(login, hr, teacher):
    record = hold(teacher, "Metaaltechniek", verified=False)
    response = login(hr).post(reverse("portfolios:authorisation_record_verify", args=[record.pk]))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == VerificationState.VERIFIED and record.verified_by == hr
    assert record.history.count() == 2
    assert record.history.first().history_user == hr


def test_hr_person_page_shows_records_history_and_leaving_date(login, hr, teacher, school):
    record = hold(teacher, "Metaaltechniek", verified=False)
    client = login(hr)
    client.post(reverse("portfolios:authorisation_record_verify", args=[record.pk]))
    client.post(reverse("portfolios:authorisation_person_staff_edit", args=[teacher.pk, school.pk]), {"leaving_on": "2027-07-31"})
    assert StaffRecord.objects.get(person=teacher).history.count() == 1
    page = client.get(reverse("portfolios:authorisation_person", args=[teacher.pk])).content.decode()
    assert "Metaaltechniek" in page
    assert "31 juli 2027" in page
    assert "Joyce Visser" in page  # who verified, in the history


def test_hr_of_school_a_cannot_see_export_or_import_for_school_b(login, other_hr, teacher, school):
    hold(teacher, "Metaaltechniek")
    client = login(other_hr)
    assert client.get(reverse("portfolios:authorisation_person", args=[teacher.pk])).status_code == 404
    assert client.get(reverse("portfolios:authorisation_matrix") + f"?school={school.pk}").status_code == 404
    assert client.get(reverse("portfolios:authorisation_matrix_export") + f"?school={school.pk}").status_code == 404
    matrix = client.get(reverse("portfolios:authorisation_matrix")).content.decode()
    assert "de Vries" not in matrix
    export = client.get(reverse("portfolios:authorisation_matrix_export") + "?format=csv").content.decode()
    assert "teacher@example.org" not in export
    data = "email,first_name,last_name,school,qualification,grade,obtained_on\nz@example.org,Z,Z,20AE,PIE,2,2010-01-01\n"
    response = client.post(reverse("portfolios:authorisation_import"), {"file": SimpleUploadedFile("s.csv", data.encode())})
    assert "niet van jou" in response.content.decode() or "is not yours" in response.content.decode()
    assert not QualificationRecord.objects.filter(person__email="z@example.org").exists()


def test_hr_matrix_shows_status_in_text_and_filters(login, hr, teacher, colleague):
    hold(teacher, "Bouwkunde I en II")
    client = login(hr)
    page = client.get(reverse("portfolios:authorisation_matrix")).content.decode()
    assert "Vries, Sanne de" in page and "Bakker" in page
    assert 'badge ok">Bevoegd<' in page
    filtered = client.get(reverse("portfolios:authorisation_matrix") + "?profile=BWI&status=authorised").content.decode()
    assert "Vries, Sanne de" in filtered and "Bakker" not in filtered


def test_hr_matrix_export_csv_and_xlsx(login, hr, teacher):
    hold(teacher, "Bouwkunde I en II")
    client = login(hr)
    csv_response = client.get(reverse("portfolios:authorisation_matrix_export") + "?format=csv")
    assert "teacher@example.org" in csv_response.content.decode("utf-8-sig")
    xlsx = client.get(reverse("portfolios:authorisation_matrix_export") + "?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_hr_web_import_previews_then_writes_with_one_history_entry_each(login, hr, school):
    data = (b"email,first_name,last_name,school,teaches,qualification,grade,obtained_on,leaving_on\n"
            b"n@example.org,Noor,Nieuw,20AE,PIE,Metaaltechniek,2,2010-01-01,2028-07-31\n")
    client = login(hr)
    preview = client.post(reverse("portfolios:authorisation_import"), {"file": SimpleUploadedFile("s.csv", data)})
    assert preview.status_code == 200
    assert not QualificationRecord.objects.exists()
    encoded = preview.context["confirm"].initial["data"]
    done = client.post(reverse("portfolios:authorisation_import"), {"data": encoded, "filename": "s.csv"})
    assert done.status_code == 302
    record = QualificationRecord.objects.get(person__email="n@example.org")
    assert record.history.count() == 1 and record.history.first().history_user == hr
    assert StaffRecord.history.count() == 1


def test_hub_edits_a_rule_in_the_wagtail_admin_with_one_history_entry(login, hub_staff):
    rule = ConversionRule.objects.get(qualification__key="informatika", profile__code="D&P")
    client = login(hub_staff)
    url = reverse("conversion_rules:edit", args=[rule.pk])
    assert client.get(url).status_code == 200
    form = {"qualification_name": "Informatica", "profile": rule.profile_id, "outcome": "after_upskilling",
            "part": "", "condition": "minor D&P (gecorrigeerd)", "source": rule.source, "active": "on"}
    assert client.post(url, form).status_code == 302
    assert rule.history.count() == 1 and rule.history.first().history_user == hub_staff
    client.post(url, form)  # unchanged
    assert rule.history.count() == 1
    add = client.post(reverse("conversion_rules:add"), {
        "qualification_name": "Motorvoertuigentechniek", "profile": rule.profile_id.__class__(
            __import__("community.models", fromlist=["VmboProfile"]).VmboProfile.objects.get(code="M&T").pk),
        "outcome": "authorised", "part": "", "condition": "", "source": "test", "active": "on",
    })
    assert add.status_code == 302
    new = ConversionRule.objects.get(qualification__name="Motorvoertuigentechniek")
    assert new.history.count() == 1


def test_hr_and_teachers_cannot_open_the_conversion_table_admin(login, hr):
    response = login(hr).get(reverse("conversion_rules:index"))
    assert response.status_code in (302, 403)


def test_dashboard_panels_per_role(login, teacher, hr, hub_staff):
    hold(teacher, "Bouwkunde I en II")
    hold(teacher, "Metaaltechniek", verified=False)
    page = login(teacher).get(reverse("dashboard")).content.decode()
    assert reverse("portfolios:authorisation_mine") in page and "Bevoegd" in page
    page = login(hr).get(reverse("dashboard")).content.decode()
    assert reverse("portfolios:authorisation_matrix") in page and "1 kwalificatie" in page
    page = login(hub_staff).get(reverse("dashboard")).content.decode()
    assert reverse("portfolios:authorisation_inventory") in page


def _school_of(n, school):
    for i in range(n):
        person = PersonFactory()
        MembershipFactory(person=person, organisation=school, role=Role.TEACHER, profiles=["PIE", "BWI"])
        hold(person, "Metaaltechniek", verified=i % 2 == 0)
        hold(person, direct="BWI")


@pytest.mark.parametrize("n", [3, 30])
def test_matrix_queries_do_not_grow_with_teachers(login, hr, school, django_assert_max_num_queries, built_statuses, n):
    _school_of(n, school)
    built_statuses()
    client = login(hr)
    with django_assert_max_num_queries(12):  # issue 13's budget, the same at 3 and 30 teachers
        assert client.get(reverse("portfolios:authorisation_matrix")).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_dashboard_panels_stay_cheap(login, teacher, school, django_assert_max_num_queries, built_statuses, n):
    _school_of(n, school)
    client = login(teacher)
    built_statuses()
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        assert client.get(reverse("dashboard")).status_code == 200
