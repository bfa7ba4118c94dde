"""Two people taking the last place at the same moment: only one gets it (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from courses.models import RegistrationStatus, StudyDayRegistration
from courses.services import studydays as services
from tests.courses.factories_studydays import make_study_day
from tests.factories import PersonFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers itself (transaction_mode IMMEDIATE); row locks need PostgreSQL",
    ),
]


@pytest.mark.parametrize("last_place", ["day", "workshop"])
def test_two_simultaneous_registrations_for_the_last_place(last_place):
    from datetime import time

    day = make_study_day(capacity=1 if last_place == "day" else 10, workshops=[("Robotica", time(11), time(12), 1)])
    workshop = day.workshops.get()
    people = [PersonFactory(), PersonFactory()]
    for person in people:
        from community.models import Membership, Organisation

        school = Organisation.objects.get_or_create(name="Race College", defaults={"kind": "school"})[0]
        Membership.objects.create(person=person, organisation=school, role="teacher")
    barrier = threading.Barrier(2)
    errors = []

    def take(person):
        try:
            barrier.wait(timeout=10)
            services.registration_create(study_day=day, person=person, workshop_ids=[workshop.pk])
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    registrations = StudyDayRegistration.objects.filter(study_day=day)
    if last_place == "day":
        assert sorted(registrations.values_list("status", flat=True)) == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
    else:
        statuses = sorted(
            registrations.filter(status="confirmed").values_list("workshop_choices__status", flat=True)
        )
        assert statuses == ["confirmed", "waitlisted"]
