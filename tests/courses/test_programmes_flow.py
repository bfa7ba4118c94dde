"""The trainee's path: modules, submissions into the portfolio, assessments, coaching,
attendance, completion with certificate and evidence; the coordinator's view and export."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    AssessmentKind,
    AssessmentOutcome,
    Attendance,
    EnrolmentStatus,
    Submission,
)
from courses.services import programmes as services
from portfolios.models import EntryKind, PortfolioEntry
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CoachingFactory,
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    make_course,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(trainee, colleague, team_leader):
    cohort = CohortFactory(course=make_course(modules=2), coordinator=team_leader)
    return EnrolmentFactory(cohort=cohort, person=trainee, coach=colleague)


def _assignment(enrolment):
    return enrolment.cohort.course.modules().first().specific.assignments.first()


def test_submitting_work_records_portfolio_evidence(login, enrolment, trainee):
    assignment = _assignment(enrolment)
    upload = SimpleUploadedFile("lesplan.pdf", pdf_bytes(), content_type="application/pdf")
    response = login(trainee).post(
        reverse("courses:submission_create", args=[enrolment.pk, assignment.pk]), {"text": "Mijn lesplan", "file": upload}
    )
    submission = Submission.objects.get(enrolment=enrolment)
    assert response.status_code == 302
    assert submission.file
    entry = PortfolioEntry.objects.get(owner=trainee, source_key=f"courses.submission:{submission.pk}")
    assert entry.kind == EntryKind.LESSON_MATERIAL
    assert entry.hours == assignment.hours
    # Submitting again replaces the work, never doubles the evidence.
    login(trainee).post(reverse("courses:submission_create", args=[enrolment.pk, assignment.pk]), {"text": "Versie 2"})
    assert Submission.objects.filter(enrolment=enrolment).count() == 1
    assert PortfolioEntry.objects.filter(owner=trainee, source_key__startswith="courses.submission").count() == 1


def test_submission_refuses_a_disguised_file(login, enrolment, trainee):
    assignment = _assignment(enrolment)
    upload = SimpleUploadedFile("lesplan.pdf", b"MZ not a pdf at all", content_type="application/pdf")
    response = login(trainee).post(
        reverse("courses:submission_create", args=[enrolment.pk, assignment.pk]), {"text": "x", "file": upload}
    )
    assert response.status_code == 200
    assert not Submission.objects.exists()


def test_coach_gives_feedback_the_trainee_reads(login, enrolment, colleague, trainee):
    submission = services.submission_create(enrolment=enrolment, assignment=_assignment(enrolment), text="Werk")
    url = reverse("courses:submission_detail", args=[submission.pk])
    assert login(colleague).post(url, {"feedback": "Sterke opbouw"}).status_code == 302
    assert "Sterke opbouw" in login(trainee).get(url).content.decode()
    assert login(trainee).post(url, {"feedback": "zelf"}).status_code == 403


def test_assessment_is_scored_per_criterion_and_released(login, enrolment, company_mentor, team_leader, trainee):
    enrolment.cohort.assessors.add(company_mentor)
    response = login(team_leader).post(
        reverse("courses:assessment_create", args=[enrolment.pk]),
        {"kind": AssessmentKind.LESSON_OBSERVATION, "assessor": company_mentor.pk, "date": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assessment = enrolment.assessments.get()
    scores = list(assessment.scores.order_by("pk"))
    assert len(scores) == 2  # the course's rubric
    data = {"outcome": AssessmentOutcome.PASSED, "feedback": "Goede les",
            "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"}
    for i, s in enumerate(scores):
        data |= {f"form-{i}-id": s.pk, f"form-{i}-score": "3", f"form-{i}-feedback": f"Criterium {i}"}
    assert login(company_mentor).post(reverse("courses:assessment_edit", args=[assessment.pk]), data).status_code == 302
    assert {s.score for s in assessment.scores.all()} == {3}
    detail = reverse("courses:assessment_detail", args=[assessment.pk])
    assert login(trainee).get(detail).status_code == 404
    login(team_leader).post(reverse("courses:assessment_release", args=[assessment.pk]))
    page = login(trainee).get(detail).content.decode()
    assert "Behaald" in page and "Criterium 0" in page


def test_score_out_of_range_is_refused(login, enrolment, company_mentor):
    assessment = services.assessment_create(enrolment=enrolment, kind=AssessmentKind.FINAL, assessor=company_mentor)
    score = assessment.scores.first()
    data = {"outcome": "pending", "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": score.pk, "form-0-score": "7"}
    response = login(company_mentor).post(reverse("courses:assessment_edit", args=[assessment.pk]), data)
    assert response.status_code == 200
    score.refresh_from_db()
    assert score.score is None


def test_coach_logs_a_session_and_the_trainee_responds(login, enrolment, colleague, trainee):
    response = login(colleague).post(reverse("courses:coaching_create", args=[enrolment.pk]), {
        "date": timezone.localdate().isoformat(), "lesson_observed": "PIE 3", "focus": "Instructie",
        "agreements": "Korter", "hours": "1.5",
    })
    session = enrolment.coaching_sessions.get()
    assert response.status_code == 302 and session.coach == colleague
    url = reverse("courses:coaching_detail", args=[session.pk])
    login(trainee).post(url, {"response": "Ik probeer het volgende week"})
    session.refresh_from_db()
    assert session.response == "Ik probeer het volgende week"
    assert "Ik probeer het volgende week" in login(colleague).get(url).content.decode()


def test_completion_needs_all_modules_and_a_released_passed_final(login, enrolment, trainee, team_leader, company_mentor):
    client = login(trainee)
    modules = list(enrolment.cohort.course.modules())
    for m in modules:
        client.post(reverse("courses:module_done", args=[enrolment.pk, m.pk]), {"done": "1"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    final = AssessmentFactory(enrolment=enrolment, assessor=company_mentor, kind=AssessmentKind.FINAL, outcome=AssessmentOutcome.PASSED)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE  # not released yet
    services.assessment_release(assessment=final, by=team_leader)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.certificate_number
    entry = PortfolioEntry.objects.get(owner=trainee, source_key=f"courses.enrolment:{enrolment.pk}")
    assert entry.kind == EntryKind.COURSE_COMPLETION and entry.hours == enrolment.cohort.course.hours
    response = client.get(reverse("courses:certificate", args=[enrolment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_certificate_handles_names_outside_latin1(enrolment, trainee):
    from courses.certificates import certificate_pdf

    trainee.first_name, trainee.last_name = "Fleur", "Aydın Şahin"
    trainee.save()
    enrolment.status, enrolment.completed_on, enrolment.certificate_number = "completed", timezone.localdate(), "TH-1"
    assert certificate_pdf(enrolment).startswith(b"%PDF")


def test_no_certificate_before_completion(login, enrolment, trainee):
    assert login(trainee).get(reverse("courses:certificate", args=[enrolment.pk])).status_code == 404


def test_coordinator_sees_who_falls_behind_and_exports(login, enrolment, team_leader):
    cohort = enrolment.cohort
    behind = EnrolmentFactory(cohort=cohort)
    past = [SessionFactory(cohort=cohort, starts_at=timezone.now() - timedelta(days=d)) for d in (30, 20, 10)]
    for s in past:
        Attendance.objects.create(session=s, enrolment=behind, status="absent")
        Attendance.objects.create(session=s, enrolment=enrolment, status="present")
    for a in [a for m in cohort.course.modules().specific() for a in m.assignments.all()]:
        if a.due_date(cohort) < timezone.localdate():
            services.submission_create(enrolment=enrolment, assignment=a, text="op tijd")
    page = login(team_leader).get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    assert "3 bijeenkomsten gemist" in page
    assert "te laat" in page
    assert "Op schema" in page
    csv = login(team_leader).get(reverse("courses:cohort_export", args=[cohort.pk])).content.decode("utf-8-sig")
    assert str(behind.person) in csv and "3 bijeenkomsten gemist" in csv
    xlsx = login(team_leader).get(reverse("courses:cohort_export", args=[cohort.pk]) + "?format=xlsx")
    assert xlsx.content[:2] == b"PK"


def test_coordinator_marks_attendance(login, enrolment, team_leader):
    session = SessionFactory(cohort=enrolment.cohort)
    url = reverse("courses:session_attendance", args=[session.pk])
    assert login(team_leader).post(url, {f"enrolment_{enrolment.pk}": "excused"}).status_code == 302
    assert Attendance.objects.get(session=session, enrolment=enrolment).status == "excused"
    login(team_leader).post(url, {f"enrolment_{enrolment.pk}": ""})
    assert not Attendance.objects.filter(session=session).exists()


def test_trainee_dashboard_panel_shows_progress_and_links(login, enrolment, trainee):
    module = enrolment.cohort.course.modules().first()
    services.module_progress_set(enrolment=enrolment, module=module, done=True)
    CoachingFactory(enrolment=enrolment, coach=enrolment.coach)
    page = login(trainee).get(reverse("dashboard")).content.decode()
    assert "Mijn opleiding" in page
    assert "1 van 2 modules afgerond" in page
    assert reverse("courses:enrolment_detail", args=[enrolment.pk]) in page


def test_staff_panel_links_coach_to_trainees(login, enrolment, colleague, teacher):
    page = login(colleague).get(reverse("dashboard")).content.decode()
    assert reverse("courses:trainees") in page
    assert reverse("courses:trainees") not in login(teacher).get(reverse("dashboard")).content.decode()
