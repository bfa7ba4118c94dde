"""Calendar files: a VTIMEZONE for every TZID, one UID per day, SEQUENCE up on every change,
and METHOD:CANCEL when a registration or the whole day is cancelled."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from courses.models import RegistrationStatus, StudyDayRegistration
from courses.services import studydays as services
from tests.courses.factories_studydays import make_study_day, register

pytestmark = pytest.mark.django_db


def _parse(content):
    calendar = Calendar.from_ical(content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def _assert_timezones_complete(calendar):
    tzids = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert tzids, "no VTIMEZONE"
    for event in calendar.walk("VEVENT"):
        for prop in ("DTSTART", "DTEND"):
            assert event[prop].params["TZID"] in tzids


def test_every_ics_has_a_vtimezone_for_its_tzid(login, teacher):
    day = make_study_day()
    registration = register(day, teacher)
    response = login(teacher).get(reverse("courses:studyday_registration_ics", args=[registration.pk]))
    calendar, event = _parse(response.content)
    _assert_timezones_complete(calendar)
    # The feed too.
    feed = services.calendar_feed_regenerate(person=teacher)
    feed_calendar = Calendar.from_ical(login(teacher).get(reverse("courses:studyday_calendar_feed", args=[feed.token])).content)
    _assert_timezones_complete(feed_calendar)


def test_cancelling_sends_method_cancel_with_the_same_uid_and_a_higher_sequence(
    login, teacher, django_capture_on_commit_callbacks
):
    day = make_study_day()
    client = login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:studyday_register", args=[day.pk]))
    registration = StudyDayRegistration.objects.get(person=teacher)
    _cal, invite = _parse(mail.outbox[0].attachments[0][1])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:studyday_cancel", args=[registration.pk]))
    cancel_mail = mail.outbox[-1]
    calendar, cancel = _parse(cancel_mail.attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancel["UID"]) == str(invite["UID"])
    assert int(cancel["SEQUENCE"]) > int(invite["SEQUENCE"])
    assert str(cancel["STATUS"]) == "CANCELLED"
    _assert_timezones_complete(calendar)
    # The downloadable file of a cancelled registration cancels the event as well.
    response = client.get(reverse("courses:studyday_registration_ics", args=[registration.pk]))
    assert str(Calendar.from_ical(response.content)["METHOD"]) == "CANCEL"


def test_a_workshop_change_raises_the_sequence(teacher):
    from datetime import time

    day = make_study_day(workshops=[("Robotica", time(11), time(12), 5), ("Lassen", time(13), time(14), 5)])
    robot, weld = day.workshops.order_by("sort_order")
    registration = register(day, teacher)
    before = services.event_sequence(day, registration)
    services.registration_change_workshops(registration=registration, workshop_ids=[weld.pk])
    registration.refresh_from_db()
    assert services.event_sequence(day, registration) > before


def test_hub_cancels_a_study_day_and_everyone_gets_a_calendar_cancellation(
    login, teacher, colleague, hub_staff, django_capture_on_commit_callbacks
):
    day = make_study_day()
    register(day, teacher)
    register(day, colleague)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(hub_staff).post(reverse("courses:studyday_cancel_day", args=[day.pk]), {"reason": "Storm"})
    assert response.status_code == 302
    assert set(StudyDayRegistration.objects.values_list("status", flat=True)) == {RegistrationStatus.CANCELLED}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([teacher.email, colleague.email])
    for message in mail.outbox:
        assert "Storm" in message.body
        assert str(Calendar.from_ical(message.attachments[0][1])["METHOD"]) == "CANCEL"
    with pytest.raises(services.RegistrationError):
        services.registration_create(study_day=day, person=teacher)
    # Only hub staff may call a day off.
    assert login(teacher).post(reverse("courses:studyday_cancel_day", args=[day.pk])).status_code == 403
