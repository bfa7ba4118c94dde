"""Signals that help (issue 15): at-risk rules, coaches' view and attendance, private coaching,
one hours figure, and the warning before a module is added to a running course."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import AssessmentOutcome, Attendance, ModuleProgress
from courses.reports.programmes import cohort_overview, enrolment_summary, expected_modules
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CoachingFactory,
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    make_course,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return make_course(modules=4, assignments=0)


def _cohort(course, elapsed_days=150, length=200, **kw):
    today = timezone.localdate()
    return CohortFactory(course=course, start_date=today - timedelta(days=elapsed_days),
                         end_date=today - timedelta(days=elapsed_days) + timedelta(days=length), **kw)


def test_schedule_rule():
    class C:
        start_date = timezone.localdate() - timedelta(days=50)
        end_date = start_date + timedelta(days=100)

    assert expected_modules(C, 4, timezone.localdate()) == 2


def test_behind_schedule_and_not_yet_at_level_flag_a_trainee(course, trainee):
    cohort = _cohort(course)  # 75% of the time passed: 3 of 4 modules expected
    enrolment = EnrolmentFactory(cohort=cohort, person=trainee)
    modules = list(course.modules())
    for m in modules[:3]:
        ModuleProgress.objects.create(enrolment=enrolment, module=m)
    assert cohort_overview(cohort)[0].flags == []
    ModuleProgress.objects.filter(module=modules[2]).delete()
    assert any("2" in f and "3" in f for f in cohort_overview(cohort)[0].flags)
    ModuleProgress.objects.create(enrolment=enrolment, module=modules[2])
    AssessmentFactory(enrolment=enrolment, outcome=AssessmentOutcome.NOT_YET)
    assert len(cohort_overview(cohort)[0].flags) == 1


def test_cohort_page_states_the_rule(login, course, team_leader):
    cohort = _cohort(course, coordinator=team_leader)
    page = login(team_leader).get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    assert "Wanneer krijgt iemand een signaal?" in page


def test_coach_sees_signals_of_coachees_and_records_their_attendance_only(login, course, trainee, colleague, teacher):
    cohort = _cohort(course)
    mine = EnrolmentFactory(cohort=cohort, person=trainee, coach=colleague)
    other = EnrolmentFactory(cohort=cohort, person=teacher)
    session = SessionFactory(cohort=cohort)
    client = login(colleague)
    page = client.get(reverse("courses:trainees")).content.decode()
    assert "achter op schema" in page
    url = reverse("courses:session_attendance", args=[session.pk])
    page = client.get(url).content.decode()
    assert f"enrolment_{mine.pk}" in page and f"enrolment_{other.pk}" not in page
    client.post(url, {f"enrolment_{mine.pk}": "present", f"enrolment_{other.pk}": "absent"})
    assert list(Attendance.objects.values_list("enrolment_id", "status")) == [(mine.pk, "present")]
    assert login(teacher).get(url).status_code == 404


def test_mentor_is_told_coaching_is_private_and_sees_the_same_hours(login, course, trainee, company_mentor, colleague):
    cohort = _cohort(course)
    enrolment = EnrolmentFactory(cohort=cohort, person=trainee, coach=colleague)
    CoachingFactory(enrolment=enrolment, coach=colleague, hours=Decimal("3"))
    session = SessionFactory(cohort=cohort)
    Attendance.objects.create(session=session, enrolment=enrolment, status="present")
    as_mentor = enrolment_summary(enrolment, company_mentor)
    as_trainee = enrolment_summary(enrolment, trainee)
    assert as_mentor.hours == as_trainee.hours
    assert as_mentor.hours["coaching"] == Decimal("3")
    page = login(company_mentor).get(reverse("courses:enrolment_detail", args=[enrolment.pk])).content.decode()
    assert "coaching is privé" in page and "Nog geen coachingsgesprekken" not in page


def test_adding_a_module_to_a_running_course_warns_and_offers_a_choice(login, course, trainee, hub_staff):
    from courses.admin_viewsets.module_warning import module_progress_exempt

    cohort = _cohort(course)
    enrolment = EnrolmentFactory(cohort=cohort, person=trainee)
    client = login(hub_staff)
    add_url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    page = client.get(add_url).content.decode()
    assert "module_counts" in page and "1 persoon" in page
    assert client.get(add_url + "?module_counts=required").status_code == 200
    from tests.courses.factories_programmes import add_module

    module = add_module(course, 9)
    assert module_progress_exempt(module=module, course=course) == 1
    assert ModuleProgress.objects.filter(enrolment=enrolment, module=module).exists()


def test_course_and_module_pages_print_the_introduction_once(login, trainee):
    course = make_course(modules=1, assignments=0)
    course.intro = f"<p>{course.summary}</p>"
    course.save_revision().publish()
    cohort = _cohort(course)
    EnrolmentFactory(cohort=cohort, person=trainee)
    client = login(trainee)
    assert client.get(course.url).content.decode().count(course.summary) == 1
    module = course.modules().first().specific
    module.body = [("text", f"<p>{module.summary}</p>")]
    module.save_revision().publish()
    assert client.get(module.url).content.decode().count(module.summary) == 1
