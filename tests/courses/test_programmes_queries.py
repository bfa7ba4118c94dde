"""Dashboards, the trainee's course and the coordinator's view run a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Attendance
from courses.services import programmes as services
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CoachingFactory,
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    make_course,
)

pytestmark = pytest.mark.django_db


def _grow(cohort, trainees, sessions):
    new = [EnrolmentFactory(cohort=cohort) for _ in range(trainees)]
    made = [SessionFactory(cohort=cohort, starts_at=timezone.now() - timedelta(days=5 + i)) for i in range(sessions)]
    assignments = [a for m in cohort.course.modules().specific() for a in m.assignments.all()]
    for e in new:
        for s in made:
            Attendance.objects.create(session=s, enrolment=e, status="present")
        services.submission_create(enrolment=e, assignment=assignments[0], text="x")
        AssessmentFactory(enrolment=e)
        CoachingFactory(enrolment=e)
    return new


@pytest.fixture
def cohort(team_leader):
    return CohortFactory(course=make_course(modules=3, assignments=2), coordinator=team_leader)


def test_cohort_view_queries_do_not_grow_with_the_cohort(login, cohort, team_leader, django_assert_max_num_queries):
    client = login(team_leader)
    url = reverse("courses:cohort_detail", args=[cohort.pk])
    _grow(cohort, 2, 2)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
    _grow(cohort, 12, 4)
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.content.decode().count("<tr>") >= 14
    with django_assert_max_num_queries(20):
        assert client.get(reverse("courses:cohort_export", args=[cohort.pk])).status_code == 200


def test_my_course_and_dashboard_queries_are_fixed(login, cohort, trainee, django_assert_max_num_queries):
    enrolment = EnrolmentFactory(cohort=cohort, person=trainee)
    client = login(trainee)
    for size in (1, 8):
        for _ in range(size):
            SessionFactory(cohort=cohort, starts_at=timezone.now() + timedelta(days=3))
            CoachingFactory(enrolment=enrolment)
        with django_assert_max_num_queries(28):
            assert client.get(reverse("courses:enrolment_detail", args=[enrolment.pk])).status_code == 200
        with django_assert_max_num_queries(30):
            assert client.get(reverse("dashboard")).status_code == 200


def test_trainees_list_queries_are_fixed(login, cohort, team_leader, django_assert_max_num_queries):
    client = login(team_leader)
    _grow(cohort, 2, 1)
    with django_assert_max_num_queries(12):
        client.get(reverse("courses:trainees"))
    _grow(cohort, 10, 1)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("courses:trainees")).status_code == 200
