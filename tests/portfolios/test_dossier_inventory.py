"""Needs inventory: the teacher's form, HR's response rate, hub counts, reminders, admin."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portfolios.models import InventoryReminder, NeedsInventoryResponse
from tests.factories import profile
from tests.portfolios.factories_dossier import ResponseFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _url(round):
    return reverse("portfolios:inventory_round", kwargs={"round_id": round.pk})


def test_form_is_prefilled_with_the_profiles_the_teacher_teaches(login, teacher):
    round = RoundFactory()
    response = login(teacher).get(_url(round))
    assert response.status_code == 200
    answers = NeedsInventoryResponse.objects.get(round=round, person=teacher)
    assert set(answers.profiles_taught.values_list("code", flat=True)) == {"PIE", "BWI"}
    assert "Inventarisatie" in response.content.decode()


def test_draft_then_submit_needs_the_self_assessment(login, teacher):
    round = RoundFactory()
    client = login(teacher)
    data = {
        "profiles_taught": [profile("PIE").pk],
        "deepening_profiles": [profile("BWI").pk],
        "deepening_topics": "warmtepompen",
        "preferred_forms": ["internship", "study_day"],
    }
    assert client.post(_url(round), {**data, "save": "1"}).status_code == 302
    answers = NeedsInventoryResponse.objects.get(round=round, person=teacher)
    assert answers.submitted_at is None
    assert answers.preferred_forms == ["study_day", "internship"]

    refused = client.post(_url(round), {**data, "submit": "1"})
    assert refused.status_code == 200
    assert "beoordeel jezelf" in refused.content.decode().lower()
    answers.refresh_from_db()
    assert answers.submitted_at is None

    full = {**data, "subject_assessment": 3, "didactic_assessment": 2, "pedagogical_assessment": 4, "submit": "1"}
    assert client.post(_url(round), full).status_code == 302
    answers.refresh_from_db()
    assert answers.submitted_at is not None
    assert list(answers.deepening_profiles.values_list("code", flat=True)) == ["BWI"]


def test_submitted_answers_are_read_only_until_reopened(login, teacher):
    round = RoundFactory()
    ResponseFactory(round=round, person=teacher, submitted_at=timezone.now(), deepening_topics="oud")
    client = login(teacher)
    assert client.post(_url(round), {"deepening_topics": "nieuw", "save": "1"}).status_code == 403
    client.post(_url(round), {"reopen": "1"})
    assert NeedsInventoryResponse.objects.get(person=teacher).submitted_at is None


def test_closed_round_cannot_be_started(login, teacher):
    today = timezone.localdate()
    round = RoundFactory(school_year="2024-2025", opens_on=today - timedelta(days=60), deadline=today - timedelta(days=1))
    assert login(teacher).get(_url(round)).status_code == 404


def test_hr_sees_rate_and_who_has_not_responded_only_for_own_school(login, teacher, colleague, hr, other_hr, other_teacher):
    round = RoundFactory()
    ResponseFactory(round=round, person=teacher, submitted_at=timezone.now(), deepening_topics="geheim-antwoord")
    page = login(hr).get(reverse("portfolios:inventory_school")).content.decode()
    assert "1 van de 2" in page
    assert colleague.get_full_name() in page
    assert teacher.get_full_name() not in page  # responded: not listed
    assert other_teacher.get_full_name() not in page
    assert "geheim-antwoord" not in page
    other = login(other_hr).get(reverse("portfolios:inventory_school")).content.decode()
    assert colleague.get_full_name() not in other
    assert other_teacher.get_full_name() in other


def test_hub_sees_counts_per_school_without_names(login, hub_staff, teacher, colleague, other_teacher):
    round = RoundFactory()
    ResponseFactory(round=round, person=teacher, submitted_at=timezone.now())
    ResponseFactory(round=round, person=colleague)
    page = login(hub_staff).get(reverse("portfolios:inventory_overview")).content.decode()
    assert "Zuiderpark College" in page and "Avicenna College" in page
    for person in (teacher, colleague, other_teacher):
        assert person.get_full_name() not in page
    assert "50%" in page


def test_reminders_go_to_non_responders_once_a_day(teacher, colleague, other_teacher):
    today = timezone.localdate()
    round = RoundFactory(deadline=today + timedelta(days=7))
    ResponseFactory(round=round, person=teacher, submitted_at=timezone.now())
    ResponseFactory(round=round, person=colleague)  # a draft still gets a reminder
    call_command("send_inventory_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == [colleague.email, other_teacher.email]
    assert "2026" in mail.outbox[0].subject or round.school_year in mail.outbox[0].subject
    assert reverse("portfolios:inventory_round", kwargs={"round_id": round.pk}) in mail.outbox[0].body
    call_command("send_inventory_reminders")
    assert len(mail.outbox) == 2
    assert InventoryReminder.objects.count() == 2


def test_no_reminder_on_other_days(teacher):
    RoundFactory(deadline=timezone.localdate() + timedelta(days=5))
    call_command("send_inventory_reminders")
    assert mail.outbox == []


def test_hub_staff_manage_rounds_in_the_admin(login, hub_staff, teacher):
    url = reverse("needs_inventory_rounds:add")
    assert login(hub_staff).get(url).status_code == 200
    response = login(hub_staff).post(url, {"school_year": "2027-2028", "opens_on": "2027-09-01", "deadline": "2027-10-31"})
    assert response.status_code == 302
    assert login(teacher).get(url).status_code in (302, 403)


def test_dashboard_shows_the_inventory_task(login, teacher):
    round = RoundFactory()
    page = login(teacher).get(reverse("dashboard")).content.decode()
    assert _url(round) in page


def test_form_is_prefilled_with_the_known_authorisation_status(login, teacher):
    from tests.portfolios.factories_authorisation import hold

    # BWI: fully authorised by the conversion table. PIE: no qualification, so no route yet.
    hold(teacher, "Bouwkunde I en II")
    round = RoundFactory()
    login(teacher).get(_url(round))
    answers = NeedsInventoryResponse.objects.get(round=round, person=teacher)
    assert "BWI: Bevoegd" in answers.authorisation_status
    assert "PIE: " in answers.authorisation_status


def test_profiles_needing_upskilling_are_prefilled(login, school, team):
    from tests.conftest import _member
    from tests.portfolios.factories_authorisation import hold

    teacher = _member("teacher", school, team, ["D&P"], email="dp@example.org")
    hold(teacher, "Algemene Bouwkunde")  # D&P after upskilling: the D&P minor
    round = RoundFactory()
    login(teacher).get(_url(round))
    answers = NeedsInventoryResponse.objects.get(round=round, person=teacher)
    assert list(answers.upskilling_profiles.values_list("code", flat=True)) == ["D&P"]
    assert "bijscholing (minor) Dienstverlening en Producten" in answers.authorisation_status
