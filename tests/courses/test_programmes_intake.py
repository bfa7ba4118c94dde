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


# Intake that talks back (issue 15) ---------------------------------------------------------


def test_applicant_gets_emails_on_receipt_step_and_decision_in_dutch(
    client, login, course, hub_staff, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:intake_apply"), FORM)
    assert mail.outbox[-1].to == ["nina@example.net"]
    assert "ontvangen" in mail.outbox[-1].body and "twee weken" in mail.outbox[-1].body
    application = IntakeApplication.objects.get()
    url = reverse("courses:intake_detail", args=[application.pk])
    staff = login(hub_staff)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"action": "step", "step-kind": "portfolio", "step-date": "2026-10-01",
                         "step-outcome": "positive", "step-inform_applicant": "on"})
    assert "Portfolio" in mail.outbox[-1].body and "positief" in mail.outbox[-1].body
    count = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"action": "step", "step-kind": "interview", "step-date": "2026-10-02", "step-outcome": "doubtful"})
    assert len(mail.outbox) == count  # not every step needs telling
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"action": "decide", "decide-decision": "reject", "decide-reason": "Te weinig tijd."})
    assert "Te weinig tijd." in mail.outbox[-1].body and "niet" in mail.outbox[-1].body


def test_cv_upload_is_checked_stored_privately_and_served_to_hub_staff_only(client, login, course, hub_staff, teacher):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.courses.factories_programmes import pdf_bytes

    fake = SimpleUploadedFile("cv.pdf", b"MZ this is not a pdf", content_type="application/pdf")
    response = client.post(reverse("courses:intake_apply"), FORM | {"cv": fake})
    assert response.status_code == 200 and not IntakeApplication.objects.exists()
    cv = SimpleUploadedFile("mijn cv.pdf", pdf_bytes(), content_type="application/pdf")
    assert client.post(reverse("courses:intake_apply"), FORM | {"cv": cv}).status_code == 302
    application = IntakeApplication.objects.get()
    assert application.cv.name.startswith("courses/intake/")
    file_url = reverse("courses:intake_file", args=[application.pk, "cv"])
    assert file_url in login(hub_staff).get(reverse("courses:intake_detail", args=[application.pk])).content.decode()
    response = login(hub_staff).get(file_url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert login(teacher).get(file_url).status_code == 404
    assert login(hub_staff).get(reverse("courses:intake_file", args=[application.pk, "portfolio"])).status_code == 404


def test_form_labels_make_sense(client, course):
    page = client.get(reverse("courses:intake_apply")).content.decode()
    assert "Uitvoeren" not in page
    assert "---------" not in page
    assert 'enctype="multipart/form-data"' in page


def test_only_cohorts_that_have_not_ended_are_offered(login, course, hub_staff):
    from datetime import timedelta

    today = timezone.localdate()
    ended = CohortFactory(course=course, name="Voorbij", start_date=today - timedelta(days=400), end_date=today - timedelta(days=1))
    running = CohortFactory(course=course, name="Loopt", start_date=today - timedelta(days=10), end_date=today + timedelta(days=300))
    application = IntakeApplicationFactory(course=course)
    page = login(hub_staff).get(reverse("courses:intake_detail", args=[application.pk])).content.decode()
    assert running.name in page and ended.name not in page


def test_admitted_applicant_without_account_is_invited_as_trainee_and_enrolled_on_first_visit(
    login, course, hub_staff, django_capture_on_commit_callbacks
):
    from community.models import Invitation, Role
    from community.services.people import invitation_accept

    application = IntakeApplicationFactory(course=course, email="nieuw@example.net")
    cohort = CohortFactory(course=course)
    with django_capture_on_commit_callbacks(execute=True):
        login(hub_staff).post(reverse("courses:intake_detail", args=[application.pk]), {
            "action": "decide", "decide-decision": "admit", "decide-reason": "Geschikt",
            "decide-cohort": cohort.pk, "decide-invite": "on"})
    invitation = Invitation.objects.get(email="nieuw@example.net")
    assert invitation.role == Role.TRAINEE
    person = invitation_accept(invitation=invitation, password="een-lang-wachtwoord-42")
    assert login(person).get(reverse("courses:my_courses")).status_code == 200
    application.refresh_from_db()
    assert application.enrolment.person == person and application.enrolment.cohort == cohort


def test_erasure_removes_the_cv_file(course, trainee):
    from django.core.files.base import ContentFile

    from courses.personal_data import _anonymise
    from tests.courses.factories_programmes import pdf_bytes

    application = IntakeApplicationFactory(course=course, person=trainee, email=trainee.email)
    application.cv.save("cv.pdf", ContentFile(pdf_bytes()), save=True)
    storage, name = application.cv.storage, application.cv.name
    assert storage.exists(name)
    _anonymise(trainee, trainee.email)
    application.refresh_from_db()
    assert not application.cv and not storage.exists(name)
