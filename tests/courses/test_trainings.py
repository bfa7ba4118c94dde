"""Guest teachers and short trainings (seed B.2.4, activity 4c)."""

import pytest
from django.urls import reverse

from community.models import Role
from courses.models import CourseKind, EnrolmentStatus
from courses.permissions import can_register_for
from courses.services import programmes as programme_services
from portfolios.models import PortfolioEntry
from tests.courses.factories_programmes import (
    CoachingFactory,
    CohortFactory,
    IntakeApplicationFactory,
    SessionFactory,
    make_course,
)
from tests.courses.factories_studydays import make_study_day
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guest_teacher(company):
    person = PersonFactory(email="gast@example.org", first_name="Gijs", last_name="Gast")
    MembershipFactory(person=person, organisation=company, role=Role.GUEST_TEACHER)
    return person


@pytest.fixture
def training():
    return make_course(title="Training gastdocenten", kind=CourseKind.GUEST_TEACHER, modules=0,
                       accepts_applications=False, hours=12)


def test_guest_teacher_signs_up_attends_and_gets_a_participation_certificate_and_evidence(
    login, guest_teacher, training, hub_staff, colleague
):
    cohort = CohortFactory(course=training, coordinator=hub_staff)
    sessions = [SessionFactory(cohort=cohort) for _ in range(4)]
    client = login(guest_teacher)
    assert "Inschrijven" in client.get(training.url).content.decode()
    response = client.post(reverse("courses:training_signup", args=[training.pk]), {"cohort": cohort.pk})
    enrolment = guest_teacher.enrolments.get()
    assert response["Location"] == reverse("courses:enrolment_detail", args=[enrolment.pk])
    # Coaching on the job, with the same log as trainees.
    enrolment.coach = colleague
    enrolment.save()
    assert login(colleague).get(reverse("courses:coaching_create", args=[enrolment.pk])).status_code == 200
    staff = login(hub_staff)
    for session in sessions[:2]:
        staff.post(reverse("courses:session_attendance", args=[session.pk]), {f"enrolment_{enrolment.pk}": "present"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE  # 2 of 4 is not enough
    staff.post(reverse("courses:session_attendance", args=[sessions[2].pk]), {f"enrolment_{enrolment.pk}": "present"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert PortfolioEntry.objects.filter(owner=guest_teacher, title="Training gastdocenten").exists()
    pdf = client.get(reverse("courses:certificate", args=[enrolment.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_only_guest_teachers_sign_up(login, company_mentor, training):
    CohortFactory(course=training)
    assert login(company_mentor).get(reverse("courses:training_signup", args=[training.pk])).status_code == 403


def test_company_mentors_no_longer_count_as_guest_teachers(company_mentor, guest_teacher):
    day = make_study_day(for_teachers=False, for_trainees=False, for_guest_teachers=True)
    assert can_register_for(guest_teacher, day)
    assert not can_register_for(company_mentor, day)


def test_application_for_the_hybrid_programme_shows_training_and_coaching_history(login, guest_teacher, training, hub_staff):
    cohort = CohortFactory(course=training)
    enrolment = programme_services.enrolment_create(cohort=cohort, person=guest_teacher)
    CoachingFactory(enrolment=enrolment)
    hybrid = make_course(modules=1)
    application = IntakeApplicationFactory(course=hybrid, email=guest_teacher.email)
    page = login(hub_staff).get(reverse("courses:intake_detail", args=[application.pk])).content.decode()
    assert "Training gastdocenten" in page and "1 coachingsgesprek" in page


def test_regional_figures_count_guest_teachers_not_company_mentors(company_mentor, guest_teacher):
    from courses.reports.studydays import hub_figures

    assert hub_figures()["guest_teachers"]["people"] == 1
