"""Organisations are archived, never wiped; hard delete only without people or records."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Membership, Organisation
from community.services.organisations import organisation_archive

from ..factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_delete_in_the_admin_archives_a_school_with_people(login, hub_staff, teacher, school):
    client = login(hub_staff)
    response = client.get(reverse("organisation:delete", args=[school.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("organisation:archive", args=[school.pk])
    client.post(reverse("organisation:delete", args=[school.pk]))
    assert Organisation.objects.filter(pk=school.pk).exists()

    page = client.get(reverse("organisation:archive", args=[school.pk]))
    assert page.status_code == 200 and "Archiveer" in page.content.decode()
    end = timezone.localdate()
    response = client.post(reverse("organisation:archive", args=[school.pk]), {"end_date": end.isoformat()})
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.archived_on == end
    membership = teacher.memberships.get()
    assert membership.end_date == end  # ended, kept
    assert Membership.objects.filter(organisation=school).count() >= 1
    teacher.refresh_from_db()
    assert teacher.is_active


def test_archiving_saves_each_membership_so_history_sees_it(monkeypatch, teacher, colleague, school):
    saved = []
    original = Membership.save

    def spy(self, *args, **kwargs):
        saved.append(self.pk)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Membership, "save", spy)
    ended = organisation_archive(organisation=school, on=timezone.localdate())
    assert ended == 2 and len(saved) == 2


def test_an_archived_school_drops_out_of_lists_from_its_end_date(school, other_school, teacher):
    later = timezone.localdate() + timedelta(days=30)
    organisation_archive(organisation=school, on=later)
    assert school in Organisation.objects.schools().current()
    assert school not in Organisation.objects.schools().current(on=later)
    assert teacher.memberships.get() in Membership.objects.active()
    assert teacher.memberships.get() not in Membership.objects.active(on=later + timedelta(days=1))


def test_a_membership_that_had_not_started_ends_on_its_start_day(school):
    start = timezone.localdate() + timedelta(days=60)
    future = MembershipFactory(organisation=school, start_date=start)
    organisation_archive(organisation=school, on=timezone.localdate())
    future.refresh_from_db()
    assert future.end_date == start


def test_memberships_that_ended_before_keep_their_date(school):
    old = MembershipFactory(organisation=school, start_date=date(2020, 1, 1), end_date=date(2021, 7, 31))
    organisation_archive(organisation=school, on=timezone.localdate())
    old.refresh_from_db()
    assert old.end_date == date(2021, 7, 31)


def test_an_organisation_that_never_had_anyone_can_be_deleted(login, hub_staff):
    empty = OrganisationFactory(name="Vergissing BV")
    client = login(hub_staff)
    assert client.get(reverse("organisation:delete", args=[empty.pk])).status_code == 200
    client.post(reverse("organisation:delete", args=[empty.pk]))
    assert not Organisation.objects.filter(pk=empty.pk).exists()


def test_only_hub_staff_archive(login, hr, school):
    response = login(hr).post(reverse("organisation:archive", args=[school.pk]), {"end_date": "2030-01-01"})
    assert response.status_code == 403
    school.refresh_from_db()
    assert school.archived_on is None
