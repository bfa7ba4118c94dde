"""Programme events that need action are mailed as one digest per person, not a mail per click."""

import pytest
from django.core import mail
from django.core.management import call_command

from courses.models import ProgrammeNotice
from courses.services import programmes as services
from courses.tasks.notifications import send_all_digests
from tests.callbacks import work_callbacks
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CohortFactory,
    EnrolmentFactory,
    SessionFactory,
    make_course,
)

pytestmark = pytest.mark.django_db


def test_three_events_make_one_digest_mail(trainee, team_leader, django_capture_on_commit_callbacks):

    course = make_course(modules=1)
    cohort = CohortFactory(course=course, coordinator=team_leader)
    enrolment = EnrolmentFactory(cohort=cohort, person=trainee)
    assignment = course.modules().first().specific.assignments.first()
    submission = services.submission_create(enrolment=enrolment, assignment=assignment, text="Mijn werk")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submission_feedback(submission=submission, feedback="Mooi", by=team_leader)
        services.assessment_release(assessment=AssessmentFactory(enrolment=enrolment), by=team_leader)
        services.cohort_session_changed(session=SessionFactory(cohort=cohort))
    assert len(work_callbacks(callbacks)) == 1  # only the first notice schedules the digest
    assert ProgrammeNotice.objects.filter(person=trainee, mailed_at__isnull=True).count() == 3
    mail.outbox.clear()
    assert send_all_digests() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [trainee.email]
    body = mail.outbox[0].body
    assert "Feedback op een opdracht" in body and "Assessment vrijgegeven" in body and "Bijeenkomst gewijzigd" in body
    call_command("send_programme_digests")
    assert len(mail.outbox) == 1  # nothing twice
