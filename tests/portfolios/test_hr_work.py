"""HR's real work through the UI: activation of imported people, the inbox with bulk verify,
reject with a reason the teacher sees, membership history and the change log."""

import io
import re
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from community.models import Membership, Person, Role
from community.services.people import membership_update
from portfolios.models import QualificationRecord
from portfolios.reports.authorisation import AUTHORISED, StatusData
from portfolios.services.staff_import import import_staff

from .factories_authorisation import hold

pytestmark = pytest.mark.django_db

STAFF = (
    "e-mailadres;voornaam;tussenvoegsel;achternaam;brin;profielen;kwalificatie;graad;behaald_op\r\n"
    "a.devries@example.org;Anna;de;Vries;20AE;BWI;Bouwkunde I en II;2;1-9-2010\r\n"
    "b.celik@example.org;Bora;;Çelik;20AE;BWI;Bouwkunde I en II;2;1-9-2011\r\n"
).encode("utf-8-sig")


def _upload(client, data, name="personeel.csv"):
    upload = io.BytesIO(data)
    upload.name = name
    page = client.post(reverse("portfolios:authorisation_import"), {"file": upload}).content.decode()
    data_field = re.search(r'name="data" value="([^"]+)"', page).group(1)
    return client.post(reverse("portfolios:authorisation_import"), {"data": data_field, "filename": name}, follow=True)


def test_imported_people_get_an_activation_email_and_choose_a_password(login, hr, school, client, django_capture_on_commit_callbacks):
    hr_client = login(hr)
    response = _upload(hr_client, STAFF)
    assert response.redirect_chain[-1][0] == reverse("community:activation_list")
    page = response.content.decode()
    assert "Çelik" in page and "a.devries@example.org" in page
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("community:activation_list"), {"person": [Person.objects.get(email="b.celik@example.org").pk]})
    assert [m.to for m in mail.outbox] == [["b.celik@example.org"]]
    link = re.search(r"/community/invitation/[^/\s]+/", mail.outbox[0].body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("community:activation_list"), {"all": "1"})
    assert sorted(m.to[0] for m in mail.outbox[1:]) == ["a.devries@example.org", "b.celik@example.org"]
    # The first link was replaced by the second email's; the newest one works.
    link = re.search(r"/community/invitation/[^/\s]+/", mail.outbox[-1].body).group(0)
    person = Person.objects.get(email=mail.outbox[-1].to[0])
    client.logout()
    response = client.post(link, {"password1": "een-lang-wachtwoord-42", "password2": "een-lang-wachtwoord-42"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("een-lang-wachtwoord-42")
    assert person.pk not in [p.pk for p in login(hr).get(reverse("community:activation_list")).context["page_obj"]]


def test_inviting_an_imported_person_sends_the_activation_link(login, hr, school, django_capture_on_commit_callbacks):
    import_staff(STAFF, filename="personeel.csv")
    with django_capture_on_commit_callbacks(execute=True):
        login(hr).post(reverse("community:invitation_create"), {
            "email": "a.devries@example.org", "first_name": "Anna", "last_name": "Vries",
            "organisation": school.pk, "role": Role.TEACHER,
        })
    assert [m.to for m in mail.outbox] == [["a.devries@example.org"]]


def test_hr_of_another_school_cannot_activate_our_people(login, other_hr, school):
    import_staff(STAFF, filename="personeel.csv")
    login(other_hr).post(reverse("community:activation_list"), {"all": "1"})
    assert mail.outbox == []


def test_inbox_oldest_first_bulk_verify(login, hr, teacher, colleague, school):
    first = hold(teacher, "Bouwkunde I en II", verified=False)
    second = hold(colleague, "Metaaltechniek", verified=False)
    client = login(hr)
    page = client.get(reverse("portfolios:hr_inbox")).content.decode()
    assert page.index(teacher.get_full_name()) < page.index(colleague.get_full_name())
    response = client.post(reverse("portfolios:hr_inbox"), {"record": [first.pk, second.pk]}, follow=True)
    assert "2 kwalificaties geverifieerd" in response.content.decode() or "2 records" in response.content.decode() or response.status_code == 200
    assert set(QualificationRecord.objects.values_list("state", flat=True)) == {"verified"}
    assert QualificationRecord.history.filter(history_change_reason="bulk verify", history_user=hr).count() == 2
    assert "Er wacht niets" in client.get(reverse("portfolios:hr_inbox")).content.decode() or not QualificationRecord.objects.unverified().exists()


def test_hr_cannot_bulk_verify_another_schools_records(login, other_hr, teacher):
    record = hold(teacher, "Bouwkunde I en II", verified=False)
    login(other_hr).post(reverse("portfolios:hr_inbox"), {"record": [record.pk]})
    record.refresh_from_db()
    assert record.state == "submitted"


def test_a_rejected_record_shows_the_reason_to_the_teacher_who_corrects_it(login, hr, teacher, school):
    record = hold(teacher, "Bouwkunde I en II", verified=False)
    response = login(hr).post(reverse("portfolios:hr_record_reject", args=[record.pk]), {"reason": "De scan is onleesbaar."})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == "rejected"
    data = StatusData.load(on=date.today(), school_ids=[school.pk])
    assert data.derive(school.pk, teacher.pk, record.qualification.rules.get(profile__code="BWI").profile_id).status != AUTHORISED
    page = login(teacher).get(reverse("portfolios:authorisation_mine")).content.decode()
    assert "De scan is onleesbaar." in page and "Afgewezen" in page
    # The teacher corrects the record: it waits for HR again.
    login(teacher).post(reverse("portfolios:authorisation_record_edit", args=[record.pk]), {
        "qualification": record.qualification_id, "grade": 2, "obtained_on": "2010-06-30",
    })
    record.refresh_from_db()
    assert record.state == "submitted" and record.rejection_reason == ""


def test_a_reject_needs_a_reason(login, hr, teacher):
    record = hold(teacher, "Bouwkunde I en II", verified=False)
    response = login(hr).post(reverse("portfolios:hr_record_reject", args=[record.pk]), {"reason": ""})
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.state == "submitted"


def test_membership_changes_have_history_and_show_in_the_change_log(login, hr, teacher, school):
    membership = Membership.objects.get(person=teacher, organisation=school)
    membership_update(membership=membership, data={"role": Role.TEACHER}, profiles=list(membership.profiles.filter(code="BWI")))
    assert membership.history.count() >= 2
    latest = membership.history.first()
    assert [p.vmboprofile.code for p in latest.profiles.all()] == ["BWI"]
    client = login(hr)
    page = client.get(reverse("portfolios:hr_change_log"), {"person": teacher.pk}).content.decode()
    assert "lesgegeven profielen" in page.lower() or "profielen" in page.lower()
    assert "BWI, PIE" in page and "BWI" in page
    export = client.get(reverse("portfolios:hr_change_log_export"), {"person": teacher.pk, "format": "csv"}).content.decode("utf-8-sig")
    assert "BWI, PIE → BWI" in export
    # A period before the change shows nothing.
    empty = client.get(reverse("portfolios:hr_change_log"), {"start": "2001-01-01", "end": "2001-12-31"}).content.decode()
    assert "BWI, PIE" not in empty


def test_profiles_changed_from_the_profile_side_leave_history_too(teacher, school):
    from community.models import VmboProfile

    membership = Membership.objects.get(person=teacher, organisation=school)
    before = membership.history.count()
    mvi = VmboProfile.objects.get_or_create(code="MVI", defaults={"name": "Maritiem en techniek"})[0]
    mvi.memberships.add(membership)
    assert membership.history.count() == before + 1
    assert "MVI" in [p.vmboprofile.code for p in membership.history.first().profiles.all()]
    mvi.memberships.clear()
    assert membership.history.count() == before + 2
    assert "MVI" not in [p.vmboprofile.code for p in membership.history.first().profiles.all()]


def test_the_change_log_is_scoped_to_hr_schools(login, other_hr, teacher):
    page = login(other_hr).get(reverse("portfolios:hr_change_log")).content.decode()
    assert teacher.get_full_name() not in page


def test_hr_sees_its_own_school_figures_counts_only(login, hr, teacher, school, other_teacher):
    hold(teacher, "Bouwkunde I en II")
    page = login(hr).get(reverse("portfolios:hr_figures")).content.decode()
    assert "Zuiderpark College" in page and teacher.get_full_name() not in page
    assert "Avicenna" not in page


def test_a_team_leader_sees_the_authorisation_of_the_team(login, team_leader, teacher, colleague, other_teacher):
    hold(teacher, "Bouwkunde I en II")
    page = login(team_leader).get(reverse("portfolios:team_status")).content.decode()
    assert teacher.get_full_name() in page and colleague.get_full_name() in page
    assert other_teacher.get_full_name() not in page
    assert "Bevoegd" in page and "Geen gegevens" in page


def test_people_are_listed_the_dutch_way_on_hr_and_team_pages(login, hr, team_leader, school, team):
    from tests.factories import MembershipFactory, PersonFactory

    names = [("Piet", "", "Verbeek"), ("Anna", "de", "Vries"), ("Kees", "van", "Leeuwen"), ("Zoë", "", "Çelik")]
    people = []
    for first, tv, last in names:
        person = PersonFactory(first_name=first, tussenvoegsel=tv, last_name=last)
        MembershipFactory(person=person, organisation=school, role=Role.TEACHER, team=team, profiles=["BWI"])
        people.append(person)
    expected = ["Çelik", "Leeuwen", "Verbeek", "Vries"]

    def order(page):
        assert all(name in page for name in expected), page
        return sorted(expected, key=page.index)

    hr_client = login(hr)
    assert order(hr_client.get(reverse("portfolios:authorisation_matrix")).content.decode()) == expected
    assert order(hr_client.get(reverse("portfolios:hr_change_log")).content.decode()) == expected
    assert order(login(team_leader).get(reverse("portfolios:team_status")).content.decode()) == expected
