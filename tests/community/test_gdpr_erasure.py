"""Erasure requests: the person asks, hub staff anonymise (or decline); the person is gone from view."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import ErasureRequest, Membership, Person
from portfolios.models import QualificationRecord
from tests.portfolios.factories_authorisation import hold


def _ask(client, reason="Ik ga met pensioen."):
    return client.post(reverse("community:erasure_request_create"), {"reason": reason}, follow=True)


def test_request_is_created_once_confirmed_by_email_and_shown(
    teacher, login, mailoutbox, django_capture_on_commit_callbacks
):
    client = login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client)
    assert ErasureRequest.objects.get(person=teacher).status == "open"
    assert [m.to for m in mailoutbox] == [["teacher@example.org"]]
    content = response.content.decode()
    assert "Open" in content and "Je vroeg op" in content
    # The form is gone while a request is open; posting again does not make a second one.
    assert 'name="reason"' not in content
    _ask(client)
    assert ErasureRequest.objects.filter(person=teacher).count() == 1


def test_only_hub_staff_open_the_handling_page_and_anonymise(teacher, colleague, hr, hub_staff, login):
    request = ErasureRequest.objects.create(person=teacher)
    url = reverse("community:erasure_request_anonymise", args=[request.pk])
    for person in (teacher, colleague, hr):
        client = login(person)
        assert client.get(reverse("community:erasure_requests")).status_code == 403
        assert client.post(url).status_code == 403
    teacher.refresh_from_db()
    assert teacher.is_active and teacher.email == "teacher@example.org"
    page = login(hub_staff).get(reverse("community:erasure_requests")).content.decode()
    assert "teacher@example.org" in page and "Anonimiseren" in page


@pytest.fixture
def anonymised(teacher, hub_staff, login):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=teacher, email=teacher.email, verified=True, primary=True)
    teacher.set_password("geheim-wachtwoord-1")
    teacher.bio = "Docent PIE sinds 2001"
    teacher.save()
    teacher.expertise.add("lassen")
    hold(teacher, direct="PIE")
    ErasureRequest.objects.create(person=teacher, reason="Sanne de Vries wil weg")
    request = ErasureRequest.objects.get(person=teacher)
    response = login(hub_staff).post(
        reverse("community:erasure_request_anonymise", args=[request.pk]), {"note": "Afgehandeld", "confirmed": "yes"},
        follow=True
    )
    assert response.status_code == 200
    return Person.objects.get(pk=teacher.pk)


def test_anonymising_leaves_no_name_or_email_and_blocks_login(anonymised, hub_staff, client):
    from allauth.account.models import EmailAddress

    person = anonymised
    assert not person.is_active and not person.has_usable_password()
    values = " ".join(str(v) for v in Person.objects.filter(pk=person.pk).values().get().values())
    for trace in ("Sanne", "de Vries", "teacher@example.org", "Docent PIE"):
        assert trace not in values
    assert not person.expertise.exists()
    assert not EmailAddress.objects.filter(email__iexact="teacher@example.org").exists()
    client.logout()
    assert not client.login(email="teacher@example.org", password="geheim-wachtwoord-1")
    assert not client.login(email=person.email, password="geheim-wachtwoord-1")
    response = client.post(reverse("account_login"), {"login": "teacher@example.org", "password": "geheim-wachtwoord-1"})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


def test_anonymising_keeps_school_records_ends_roles_and_logs_who(anonymised, hub_staff):
    assert QualificationRecord.objects.filter(person=anonymised).count() == 1
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert not Membership.objects.active(on=tomorrow).filter(person=anonymised).exists()
    assert Membership.objects.get(person=anonymised).end_date == timezone.localdate()
    request = ErasureRequest.objects.get(person=anonymised)
    assert request.status == "handled" and request.handled_by == hub_staff and request.handled_at
    assert "Sanne" not in request.reason
    assert request.note == "Afgehandeld"


def test_anonymising_scrubs_intake_applications_kept_under_the_old_address(teacher, hub_staff, login):
    from courses.models import IntakeApplication
    from tests.courses.factories_programmes import IntakeApplicationFactory

    IntakeApplicationFactory(email="teacher@example.org", first_name="Sanne", last_name="de Vries", phone="0612345678")
    request = ErasureRequest.objects.create(person=teacher)
    login(hub_staff).post(reverse("community:erasure_request_anonymise", args=[request.pk]), {"confirmed": "yes"})
    application = IntakeApplication.objects.get()
    assert application.email != "teacher@example.org" and application.first_name != "Sanne" and not application.phone


def test_a_handled_request_cannot_be_anonymised_twice_and_decline_records_the_note(teacher, hub_staff, login):
    request = ErasureRequest.objects.create(person=teacher)
    client = login(hub_staff)
    client.post(reverse("community:erasure_request_decline", args=[request.pk]), {"note": "Lopend dienstverband"})
    request.refresh_from_db()
    assert request.status == "declined" and request.handled_by == hub_staff and request.note == "Lopend dienstverband"
    client.post(reverse("community:erasure_request_anonymise", args=[request.pk]), {"confirmed": "yes"})
    teacher.refresh_from_db()
    assert teacher.is_active and teacher.first_name == "Sanne"
    # After a decline the person may ask again, and sees the earlier outcome.
    page = login(teacher).get(reverse("community:my_data")).content.decode()
    assert "Lopend dienstverband" in page and 'name="reason"' in page


def test_wagtail_admin_lists_requests_for_hub_staff_only(teacher, hub_staff, login):
    ErasureRequest.objects.create(person=teacher)
    url = reverse("erasure_request:index")
    assert login(hub_staff).get(url).status_code == 200
    assert login(teacher).get(url).status_code == 403  # the CMS refusal page, not a login loop
