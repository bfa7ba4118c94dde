"""HR manages its own school's people: list, edit a membership, end it."""

from datetime import date

import pytest
from django.urls import reverse

from community.models import Membership, Role
from tests.factories import MembershipFactory, PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_hr_sees_its_school_people_with_role_team_and_profiles(login, hr, teacher, other_teacher):
    html = login(hr).get(reverse("community:school_people")).content.decode()
    assert "Sanne de Vries" in html
    assert "Techniek" in html
    assert ">PIE<" in html and ">BWI<" in html
    assert "Esra Kaya" not in html  # other school


def test_search_by_name(login, hr, teacher, colleague):
    html = login(hr).get(reverse("community:school_people") + "?q=bakker").content.decode()
    assert "Bas Bakker" in html
    assert "Sanne de Vries" not in html


def test_former_people_only_when_asked(login, hr, school):
    gone = PersonFactory(first_name="Oud", last_name="Gediende")
    MembershipFactory(person=gone, organisation=school, start_date=date(2015, 8, 1), end_date=date(2020, 7, 31))
    client = login(hr)
    assert "Oud Gediende" not in client.get(reverse("community:school_people")).content.decode()
    assert "Oud Gediende" in client.get(reverse("community:school_people") + "?status=all").content.decode()


def test_list_is_paginated(login, hr, school):
    for n in range(30):
        MembershipFactory(person=PersonFactory(last_name=f"Achternaam{n:02d}"), organisation=school)
    html = login(hr).get(reverse("community:school_people")).content.decode()
    assert "Pagina 1 van 2" in html


@pytest.mark.parametrize("extra", [5, 40])
def test_people_list_query_count_does_not_grow(login, hr, school, team, django_assert_max_num_queries, extra):
    for _ in range(extra):
        MembershipFactory(person=PersonFactory(), organisation=school, team=team, profiles=["PIE", "BWI"])
    client = login(hr)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("community:school_people")).status_code == 200


def test_hr_edits_a_membership(login, hr, teacher, school):
    membership = teacher.memberships.get()
    new_team = TeamFactory(organisation=school, name="Bouw")
    response = login(hr).post(
        reverse("community:membership_edit", args=[membership.pk]),
        {"role": Role.TEAM_LEADER, "team": new_team.pk, "start_date": "2020-08-01", "end_date": "", "fte": "0.6", "profiles": []},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.TEAM_LEADER
    assert membership.team == new_team
    assert str(membership.fte) == "0.60"
    assert membership.profiles.count() == 0


def test_team_of_another_school_is_refused(login, hr, teacher, other_school):
    membership = teacher.memberships.get()
    foreign_team = TeamFactory(organisation=other_school)
    response = login(hr).post(
        reverse("community:membership_edit", args=[membership.pk]),
        {"role": Role.TEACHER, "team": foreign_team.pk, "start_date": "2020-08-01"},
    )
    assert response.status_code == 200
    assert "team" in response.context["form"].errors


def test_end_before_start_is_an_error_on_the_field(login, hr, teacher):
    membership = teacher.memberships.get()
    response = login(hr).post(
        reverse("community:membership_edit", args=[membership.pk]),
        {"role": Role.TEACHER, "start_date": "2020-08-01", "end_date": "2019-01-01"},
    )
    html = response.content.decode()
    assert 'id="id_end_date_error"' in html
    assert 'aria-invalid="true"' in html


def test_hr_cannot_make_someone_hub_staff(login, hr, teacher):
    membership = teacher.memberships.get()
    response = login(hr).post(
        reverse("community:membership_edit", args=[membership.pk]),
        {"role": Role.HUB_STAFF, "start_date": "2020-08-01"},
    )
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.role == Role.TEACHER


def test_hr_ends_a_membership(login, hr, teacher):
    membership = teacher.memberships.get()
    response = login(hr).post(reverse("community:membership_end", args=[membership.pk]), {"end_date": "2026-07-31"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == date(2026, 7, 31)


def test_other_schools_hr_gets_404(login, other_hr, teacher):
    membership = teacher.memberships.get()
    client = login(other_hr)
    assert client.get(reverse("community:membership_edit", args=[membership.pk])).status_code == 404
    assert client.post(reverse("community:membership_end", args=[membership.pk]), {"end_date": "2026-07-31"}).status_code == 404
    membership.refresh_from_db()
    assert membership.end_date is None


def test_teacher_gets_403(login, teacher, colleague):
    membership = colleague.memberships.get()
    assert login(teacher).get(reverse("community:membership_edit", args=[membership.pk])).status_code == 403
    assert login(teacher).get(reverse("community:school_people")).status_code == 403


def test_hr_cannot_end_its_own_hr_membership(login, hr):
    membership = Membership.objects.get(person=hr)
    response = login(hr).post(reverse("community:membership_end", args=[membership.pk]), {"end_date": "2026-07-31"})
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.end_date is None
