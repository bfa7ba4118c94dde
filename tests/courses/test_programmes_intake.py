"""Intake: the public form without an account, the suitability steps, the decision, figures."""

from datetime import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from courses.models import IntakeApplication, IntakeStatus
from courses.reports.programmes import intake_figures
from tests.courses.factories_programmes import CohortFactory, IntakeApplicationFactory, make_course

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Nina", "last_name": "Vermeulen", "email": "Nina@Example.net", "employer": "Stedin",
    "background": "technical", "motivation": "Ik wil mijn vak doorgeven.", "availability": "Twee dagen",
}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def course():
    return make_course(modules=1)


def test_anyone_can_apply_without_an_account(client, course):
    response = client.post(reverse("courses:intake_apply"), FORM)
    assert response.status_code == 302 and response["Location"] == reverse("courses:intake_thanks")
    application = IntakeApplication.objects.get()
    assert application.email == "nina@example.net"
    assert application.person is None and application.status == IntakeStatus.SUBMITTED


def test_logged_in_applicant_is_linked_to_their_account(login, course, trainee):
    login(trainee).post(reverse("courses:intake_apply"), FORM)
    assert IntakeApplication.objects.get().person == trainee


def test_honeypot_submissions_are_dropped(client, course):
    assert client.post(reverse("courses:intake_apply"), FORM | {"website": "spam"}).status_code == 302
    assert not IntakeApplication.objects.exists()


@override_settings(COURSES_INTAKE_RATE_PER_HOUR=2)
def test_the_public_form_is_rate_limited(client, course):
    for _ in range(2):
        client.post(reverse("courses:intake_apply"), FORM)
    response = client.post(reverse("courses:intake_apply"), FORM)
    assert response.status_code == 429
    assert IntakeApplication.objects.count() == 2


def test_no_form_when_no_course_accepts_applications(client):
    make_course(modules=0, accepts_applications=False)
    assert client.get(reverse("courses:intake_apply")).status_code == 404


def test_hub_staff_record_steps_and_admit_with_reasons(login, course, hub_staff, company_mentor, trainee):
    application = IntakeApplicationFactory(course=course, email=trainee.email)
    cohort = CohortFactory(course=course)
    url = reverse("courses:intake_detail", args=[application.pk])
    client = login(hub_staff)
    for kind in ("portfolio", "assessment", "lesson_observation", "interview"):
        response = client.post(url, {"action": "step", "step-kind": kind, "step-date": "2026-10-01",
                                     "step-outcome": "positive", "step-assessor": company_mentor.pk})
        assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == IntakeStatus.IN_PROGRESS
    assert application.steps.count() == 4
    response = client.post(url, {"action": "decide", "decide-decision": "admit", "decide-reason": "Geschikt.",
                                 "decide-cohort": cohort.pk})
    application.refresh_from_db()
    assert application.status == IntakeStatus.ADMITTED and application.decision_reason == "Geschikt."
    assert application.decided_by == hub_staff
    assert application.enrolment.person == trainee and application.enrolment.cohort == cohort


def test_admitted_applicant_without_account_is_not_enrolled(login, course, hub_staff):
    application = IntakeApplicationFactory(course=course)
    cohort = CohortFactory(course=course)
    login(hub_staff).post(reverse("courses:intake_detail", args=[application.pk]), {
        "action": "decide", "decide-decision": "admit", "decide-reason": "Geschikt", "decide-cohort": cohort.pk})
    application.refresh_from_db()
    assert application.status == IntakeStatus.ADMITTED and application.enrolment is None
    page = login(hub_staff).get(reverse("courses:intake_detail", args=[application.pk])).content.decode()
    assert "nog geen account" in page


def test_rejection_keeps_the_reasons(login, course, hub_staff):
    application = IntakeApplicationFactory(course=course)
    login(hub_staff).post(reverse("courses:intake_detail", args=[application.pk]), {
        "action": "decide", "decide-decision": "reject", "decide-reason": "Beschikbaarheid te beperkt"})
    application.refresh_from_db()
    assert application.status == IntakeStatus.NOT_ADMITTED
    assert application.decision_reason == "Beschikbaarheid te beperkt"


def _at(year):
    return timezone.make_aware(datetime(year, 3, 1, 10))


@override_settings(COURSES_INTAKE_BASELINE_YEAR=2024, COURSES_INTAKE_BASELINE_INFLOW=None)
def test_figures_count_stages_per_year_against_the_baseline(course):
    for _ in range(5):
        IntakeApplicationFactory(course=course, submitted_at=_at(2024), status=IntakeStatus.ADMITTED)
    for _ in range(6):
        IntakeApplicationFactory(course=course, submitted_at=_at(2025), status=IntakeStatus.ADMITTED)
    IntakeApplicationFactory(course=course, submitted_at=_at(2025), status=IntakeStatus.NOT_ADMITTED)
    figures = intake_figures()
    assert figures["baseline_inflow"] == 5 and figures["target"] == 6
    rows = {r["year"]: r for r in figures["rows"]}
    assert rows[2025]["applications"] == 7 and rows[2025]["admitted"] == 6
    assert rows[2025]["change"] == 20 and rows[2025]["meets_target"] is True


def test_intake_page_shows_figures(login, course, hub_staff):
    IntakeApplicationFactory(course=course)
    page = login(hub_staff).get(reverse("courses:intake_list")).content.decode()
    assert "Aantallen per fase per jaar" in page and "Vermeulen" in page
