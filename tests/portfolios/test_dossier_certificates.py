"""Documents the platform makes for a person travel with the evidence entry they create."""

import pytest
from django.urls import reverse

from courses.models import AssessmentKind, AssessmentOutcome
from courses.services import programmes as services
from portfolios.models import PortfolioEntry
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CohortFactory,
    EnrolmentFactory,
    make_course,
)

pytestmark = pytest.mark.django_db


def test_course_completion_puts_the_certificate_in_the_portfolio_entry(login, trainee, colleague, team_leader,
                                                                      company_mentor):
    cohort = CohortFactory(course=make_course(modules=1), coordinator=team_leader)
    enrolment = EnrolmentFactory(cohort=cohort, person=trainee, coach=colleague)
    client = login(trainee)
    for module in cohort.course.modules():
        client.post(reverse("courses:module_done", args=[enrolment.pk, module.pk]), {"done": "1"})
    final = AssessmentFactory(enrolment=enrolment, assessor=company_mentor, kind=AssessmentKind.FINAL,
                              outcome=AssessmentOutcome.PASSED)
    services.assessment_release(assessment=final, by=team_leader)
    enrolment.refresh_from_db()
    entry = PortfolioEntry.objects.get(owner=trainee, source_key=f"courses.enrolment:{enrolment.pk}")
    certificate = entry.attachments.get()
    assert certificate.name == f"certificaat-{enrolment.certificate_number}.pdf"
    assert certificate.file.open("rb").read().startswith(b"%PDF")

    # Sharing the entry shares the certificate: a named colleague can download it.
    entry.shared_with_people.add(colleague)
    response = login(colleague).get(reverse("portfolios:attachment_file", kwargs={"pk": certificate.pk}))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
