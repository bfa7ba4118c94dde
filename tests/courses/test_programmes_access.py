"""Who sees what: module content, records of other trainees, unreleased assessments, files."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from community.models import Role
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage
from courses.services import programmes as services
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CoachingFactory,
    CohortFactory,
    EnrolmentFactory,
    make_course,
    pdf_bytes,
)
from tests.factories import CompanyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return make_course(modules=2)


@pytest.fixture
def enrolment(course, trainee, colleague, team_leader):
    cohort = CohortFactory(course=course, coordinator=team_leader)
    return EnrolmentFactory(cohort=cohort, person=trainee, coach=colleague)


def test_module_content_is_for_enrolled_people_and_hub_staff(login, course, enrolment, trainee, teacher, hub_staff):
    module = course.modules().first()
    assert login(None).get(module.url).status_code == 302
    response = login(teacher).get(module.url)
    assert response.status_code == 403
    assert "Geheime moduletekst" not in response.content.decode()
    assert "alleen beschikbaar" in response.content.decode()
    for person in (trainee, hub_staff):
        response = login(person).get(module.url)
        assert response.status_code == 200
        assert "Geheime moduletekst 1" in response.content.decode()


def test_a_withdrawn_trainee_loses_module_access(login, course, enrolment, trainee):
    enrolment.status = "withdrawn"
    enrolment.save()
    assert login(trainee).get(course.modules().first().url).status_code == 403


def test_course_overview_is_public_and_lists_modules_without_content(client, course):
    response = client.get(course.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Module 1" in body and "Openbare samenvatting 1" in body
    assert "Geheime moduletekst" not in body
    assert reverse("courses:intake_apply") in body


def test_module_body_is_not_indexed_for_search():
    indexed = {f.field_name for f in ModulePage.search_fields}
    assert "body" not in indexed
    assert "summary" in indexed


def test_page_tree_rules():
    assert CourseIndexPage.parent_page_types == ["community.HomePage"]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]


def test_trainee_sees_only_released_assessments(login, enrolment, trainee, company_mentor):
    released = AssessmentFactory(enrolment=enrolment, assessor=company_mentor)
    services.assessment_release(assessment=released, by=company_mentor)
    hidden = AssessmentFactory(enrolment=enrolment, assessor=company_mentor, feedback="GEHEIM OORDEEL")
    client = login(trainee)
    page = client.get(reverse("courses:enrolment_detail", args=[enrolment.pk])).content.decode()
    assert reverse("courses:assessment_detail", args=[released.pk]) in page
    assert reverse("courses:assessment_detail", args=[hidden.pk]) not in page
    assert client.get(reverse("courses:assessment_detail", args=[hidden.pk])).status_code == 404


def test_a_trainee_cannot_open_another_trainees_course(login, enrolment, other_teacher):
    other = EnrolmentFactory(cohort=enrolment.cohort)
    client = login(enrolment.person)
    assert client.get(reverse("courses:enrolment_detail", args=[other.pk])).status_code == 404


def test_coach_sees_only_the_people_they_coach(login, enrolment, colleague):
    not_mine = EnrolmentFactory(cohort=enrolment.cohort)
    client = login(colleague)
    assert client.get(reverse("courses:enrolment_detail", args=[enrolment.pk])).status_code == 200
    assert client.get(reverse("courses:enrolment_detail", args=[not_mine.pk])).status_code == 404
    page = client.get(reverse("courses:trainees")).content.decode()
    assert str(enrolment.person) in page and str(not_mine.person) not in page


def test_assessor_sees_only_the_people_they_assess(login, enrolment):
    assessor = PersonFactory()
    other = EnrolmentFactory(cohort=enrolment.cohort)
    AssessmentFactory(enrolment=other, assessor=assessor)
    client = login(assessor)
    assert client.get(reverse("courses:enrolment_detail", args=[other.pk])).status_code == 200
    assert client.get(reverse("courses:enrolment_detail", args=[enrolment.pk])).status_code == 404


def test_being_in_the_cohort_assessor_pool_gives_no_access(login, enrolment):
    pool_member = PersonFactory()
    enrolment.cohort.assessors.add(pool_member)
    assert login(pool_member).get(reverse("courses:enrolment_detail", args=[enrolment.pk])).status_code == 404


def test_company_mentor_sees_only_own_employees(login, enrolment, company_mentor):
    other_company = CompanyFactory(name="Metalent")
    outsider = PersonFactory()
    MembershipFactory(person=outsider, organisation=other_company, role=Role.TRAINEE)
    other = EnrolmentFactory(cohort=enrolment.cohort, person=outsider)
    client = login(company_mentor)
    assert client.get(reverse("courses:enrolment_detail", args=[enrolment.pk])).status_code == 200
    assert client.get(reverse("courses:enrolment_detail", args=[other.pk])).status_code == 404


def test_company_mentor_loses_sight_when_employment_ends(login, enrolment, company_mentor, company):
    from datetime import date, timedelta

    enrolment.person.memberships.filter(organisation=company).update(end_date=date.today() - timedelta(days=1))
    assert login(company_mentor).get(reverse("courses:enrolment_detail", args=[enrolment.pk])).status_code == 404


def test_coaching_log_is_private_to_coach_coached_and_coordinator(login, enrolment, colleague, company_mentor, team_leader):
    session = CoachingFactory(enrolment=enrolment, coach=colleague)
    url = reverse("courses:coaching_detail", args=[session.pk])
    assert login(enrolment.person).get(url).status_code == 200
    assert login(colleague).get(url).status_code == 200
    assert login(team_leader).get(url).status_code == 200
    assert login(company_mentor).get(url).status_code == 404


def test_submission_file_is_served_privately(login, enrolment, teacher, colleague):
    assignment = enrolment.cohort.course.modules().first().specific.assignments.first()
    submission = services.submission_create(
        enrolment=enrolment, assignment=assignment, text="x", file=ContentFile(pdf_bytes(), name="werk.pdf")
    )
    url = reverse("courses:submission_file", args=[submission.pk])
    response = login(colleague).get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert login(teacher).get(url).status_code == 404
    from django.conf import settings

    assert not submission.file.path.startswith(str(settings.MEDIA_ROOT))  # never under MEDIA_ROOT


def test_coach_cannot_submit_for_the_trainee(login, enrolment, colleague):
    assignment = enrolment.cohort.course.modules().first().specific.assignments.first()
    url = reverse("courses:submission_create", args=[enrolment.pk, assignment.pk])
    assert login(colleague).post(url, {"text": "namens"}).status_code == 403
    assert not enrolment.submissions.exists()


def test_assessor_cannot_release_their_own_assessment(login, enrolment, company_mentor, team_leader):
    assessment = AssessmentFactory(enrolment=enrolment, assessor=company_mentor)
    url = reverse("courses:assessment_release", args=[assessment.pk])
    assert login(company_mentor).post(url).status_code == 403
    assert login(team_leader).post(url).status_code == 302
    assessment.refresh_from_db()
    assert assessment.is_released


def test_released_assessment_can_no_longer_be_edited(login, enrolment, company_mentor, team_leader):
    assessment = AssessmentFactory(enrolment=enrolment, assessor=company_mentor)
    services.assessment_release(assessment=assessment, by=team_leader)
    assert login(company_mentor).get(reverse("courses:assessment_edit", args=[assessment.pk])).status_code == 403


def test_other_people_cannot_respond_to_a_coaching_log(login, enrolment, colleague):
    session = CoachingFactory(enrolment=enrolment, coach=colleague)
    assert login(colleague).post(reverse("courses:coaching_detail", args=[session.pk]), {"response": "x"}).status_code == 403


def test_wagtail_admin_viewsets_are_for_hub_staff_only(login, hub_staff, team_leader, enrolment):
    assert login(hub_staff).get("/admin/programme_cohorts/").status_code == 200
    assert login(hub_staff).get("/admin/programme_intake/").status_code == 200
    response = login(team_leader).get("/admin/programme_cohorts/")
    assert response.status_code in (302, 403)
    assert Enrolment.objects.visible_to(team_leader).count() == 1


# A host sees the placement, not the intern's unrelated course records (issue 11) -----------------


def _intern_enrolment(enrolment, host, status="active"):
    from tests.courses.factories_studydays import make_offer, make_placement

    intern = PersonFactory()
    MembershipFactory(person=intern, organisation=CompanyFactory(name="Elders BV"), role=Role.TRAINEE)
    placement = make_placement(make_offer(host), intern, status=status)
    return EnrolmentFactory(cohort=enrolment.cohort, person=intern), placement


@pytest.mark.parametrize("status", ["active", "completed"])
def test_the_host_mentor_sees_the_placement_but_not_the_interns_course_records(
    login, enrolment, company_mentor, company, status
):
    interned, placement = _intern_enrolment(enrolment, company, status=status)
    client = login(company_mentor)
    assert client.get(reverse("courses:enrolment_detail", args=[interned.pk])).status_code == 404
    assert interned.person.get_full_name() not in client.get(reverse("courses:trainees")).content.decode()
    assert client.get(reverse("courses:internship_placement", args=[placement.pk])).status_code == 200
