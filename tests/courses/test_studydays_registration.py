from datetime import time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks.signals import task_finished

from courses.models import RegistrationStatus, StudyDayRegistration, WorkshopChoice
from courses.services import studydays as services
from tests.courses.factories_studydays import make_study_day, register

pytestmark = pytest.mark.django_db

MORNING = [("Robotica", time(11), time(12, 30), 1), ("Warmtepompen", time(11), time(12, 30), 5), ("3D-printen", time(13, 30), time(15), 5)]


def test_teacher_registers_with_workshops_and_gets_confirmation_with_ics(login, teacher, django_capture_on_commit_callbacks):
    day = make_study_day(workshops=MORNING)
    robot, heat, printing = day.workshops.order_by("sort_order")
    client = login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses:studyday_register", args=[day.pk]), {"workshops": [robot.pk, printing.pk]})
    registration = StudyDayRegistration.objects.get(person=teacher)
    assert response["Location"] == reverse("courses:studyday_registration", args=[registration.pk])
    assert registration.status == RegistrationStatus.CONFIRMED
    assert set(registration.workshop_choices.values_list("workshop__title", flat=True)) == {"Robotica", "3D-printen"}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [teacher.email]
    assert day.title in message.subject
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    content = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in content and day.date.strftime("%Y%m%d") in content


def test_overlapping_workshops_are_refused(login, teacher):
    day = make_study_day(workshops=MORNING)
    robot, heat, _printing = day.workshops.order_by("sort_order")
    response = login(teacher).post(reverse("courses:studyday_register", args=[day.pk]), {"workshops": [robot.pk, heat.pk]})
    assert response.status_code == 200
    assert "tegelijk" in response.content.decode()
    assert not StudyDayRegistration.objects.exists()


def test_full_day_puts_people_on_the_waitlist_and_cancel_promotes_the_first(teacher, colleague, other_teacher, django_capture_on_commit_callbacks):
    day = make_study_day(capacity=1)
    first = services.registration_create(study_day=day, person=teacher)
    second = services.registration_create(study_day=day, person=colleague)
    third = services.registration_create(study_day=day, person=other_teacher)
    assert [r.status for r in (first, second, third)] == ["confirmed", "waitlisted", "waitlisted"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first, by=teacher)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED
    assert third.status == RegistrationStatus.WAITLISTED
    promoted = [m for m in mail.outbox if m.to == [colleague.email]]
    assert promoted and "plaats" in promoted[0].subject.lower()


def test_full_workshop_waitlists_and_promotes_when_a_place_frees(teacher, colleague):
    day = make_study_day(workshops=MORNING)
    robot = day.workshops.get(title="Robotica")
    a = services.registration_create(study_day=day, person=teacher, workshop_ids=[robot.pk])
    b = services.registration_create(study_day=day, person=colleague, workshop_ids=[robot.pk])
    assert a.workshop_choices.get().status == "confirmed"
    assert b.workshop_choices.get().status == "waitlisted"
    services.registration_change_workshops(registration=a, workshop_ids=[])
    assert WorkshopChoice.objects.get(registration=b).status == "confirmed"


def test_cancel_is_refused_after_registration_closes(login, teacher):
    day = make_study_day(days_ahead=5, registration_closes=timezone.localdate() - timedelta(days=1))
    registration = register(day, teacher)
    response = login(teacher).post(reverse("courses:studyday_cancel", args=[registration.pk]))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert response.status_code == 302


def test_registration_is_refused_when_closed_or_for_another_role(login, teacher, company_mentor):
    closed = make_study_day(registration_opens=timezone.localdate() + timedelta(days=2))
    response = login(teacher).post(reverse("courses:studyday_register", args=[closed.pk]))
    assert response.status_code == 200 and not StudyDayRegistration.objects.exists()
    teachers_only = make_study_day(for_guest_teachers=False)
    with pytest.raises(services.RegistrationError):
        services.registration_create(study_day=teachers_only, person=company_mentor)


def test_cancel_then_register_again_joins_at_the_back(teacher, colleague):
    day = make_study_day(capacity=1)
    mine = services.registration_create(study_day=day, person=teacher)
    services.registration_cancel(registration=mine, by=teacher)
    services.registration_create(study_day=day, person=colleague)
    again = services.registration_create(study_day=day, person=teacher)
    assert again.pk == mine.pk
    assert again.status == RegistrationStatus.WAITLISTED


def test_a_mail_failure_never_loses_the_registration(login, teacher, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.courses.test_studydays_registration.BrokenEmailBackend"
    outcomes = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path.endswith("send_study_day_email"):
            outcomes.append(task_result.status)

    task_finished.connect(record)
    try:
        day = make_study_day()
        with django_capture_on_commit_callbacks(execute=True):
            response = login(teacher).post(reverse("courses:studyday_register", args=[day.pk]), {})
    finally:
        task_finished.disconnect(record)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert StudyDayRegistration.objects.filter(person=teacher, status="confirmed").exists()
    assert [str(o) for o in outcomes] == ["FAILED"]


class BrokenEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


def test_register_page_queries_do_not_grow_with_participants(login, teacher, django_assert_max_num_queries):
    from tests.factories import PersonFactory

    day = make_study_day(capacity=500, workshops=MORNING)
    workshops = list(day.workshops.all())
    client = login(teacher)
    for size in (3, 40):
        for _ in range(size):
            register(day, PersonFactory(), workshops=workshops[1:])
        with django_assert_max_num_queries(14):
            assert client.get(reverse("courses:studyday_register", args=[day.pk])).status_code == 200
        with django_assert_max_num_queries(21):  # Wagtail's routing is about half; +1 for a cancellation
            assert client.get(day.url).status_code == 200


def test_registration_and_cancel_pages_queries_are_fixed(login, teacher, django_assert_max_num_queries):
    from tests.factories import PersonFactory

    day = make_study_day(capacity=500, workshops=MORNING)
    mine = register(day, teacher, workshops=[day.workshops.first()])
    client = login(teacher)
    for size in (3, 40):
        for _ in range(size):
            register(day, PersonFactory(), workshops=list(day.workshops.all())[1:2])
        with django_assert_max_num_queries(14):
            assert client.get(reverse("courses:studyday_registration", args=[mine.pk])).status_code == 200
        with django_assert_max_num_queries(8):
            assert client.get(reverse("courses:studyday_cancel", args=[mine.pk])).status_code == 200
