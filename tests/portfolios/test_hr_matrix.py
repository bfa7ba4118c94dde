"""HR's matrix filters, sorts and pages in SQL on the stored statuses: every combination HR can
ask for gives the rows the derivation itself gives (a reference computed in Python here)."""

import itertools
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Role
from portfolios.models import StaffRecord
from portfolios.reports.authorisation import STATUS_RANK, StatusData
from tests.factories import MembershipFactory, PersonFactory

from .factories_authorisation import hold

pytestmark = pytest.mark.django_db


@pytest.fixture
def staffed_school(school):
    """A school whose teachers cover every status: the PIE team, unverified records, leaving dates."""
    people = []

    def teacher(first, last, profiles, *records, leaving=None, **kwargs):
        person = PersonFactory(first_name=first, last_name=last, **kwargs)
        MembershipFactory(person=person, organisation=school, role=Role.TEACHER, profiles=profiles)
        for name, verified in records:
            hold(person, name, verified=verified)
        if leaving:
            StaffRecord.objects.create(person=person, school=school, leaving_on=leaving)
        people.append(person)
        return person

    teacher("Ada", "Metaal", ["PIE"], ("Metaaltechniek", True))
    teacher("Bram", "Installatie", ["PIE", "BWI"], ("Installatietechniek", False), leaving=date(2028, 7, 31))
    teacher("Cor", "Elektro", ["PIE"], ("Electrotechniek", True), leaving=date(2027, 7, 31))
    teacher("Dirk", "Bouw", ["BWI"], ("Bouwkunde I en II", False), ("Algemene Bouwkunde", False))
    teacher("Eva", "Leeg", ["M&T"])
    teacher("Fien", "Niets", [])
    teacher("Gijs", "Zorg", ["BWI", "M&T"], ("Informatika", True), tussenvoegsel="van")
    return people


def _reference(school, filters):
    """The rows HR should see, derived from scratch (the matrix's behaviour before issue 13)."""
    data = StatusData.load(on=timezone.localdate(), school_ids=[school.pk])
    rows = []
    for person_id in set(data.teachers().values_list("person_id", flat=True)):  # teaching a profile or not
        cells = {s.profile.code: s.status for s in data.statuses_of(school.pk, person_id)}
        unverified = sum(1 for r in data.records.get(person_id, ()) if not r.is_verified)
        rows.append((person_id, cells, unverified))
    from community.models import Person

    people = {p.pk: p for p in Person.objects.filter(pk__in=[r[0] for r in rows])}
    leaving = dict(StaffRecord.objects.filter(school=school).values_list("person_id", "leaving_on"))
    rows.sort(key=lambda r: (people[r[0]].sort_name, r[0]))
    if q := filters.get("q"):
        rows = [r for r in rows if q.lower() in people[r[0]].get_full_name().lower()]
    if profile := filters.get("profile"):
        rows = [r for r in rows if profile in r[1]]
    if status := filters.get("status"):
        rows = [r for r in rows if any(s == status for code, s in r[1].items() if profile in ("", None, code))]
    if filters.get("unverified"):
        rows = [r for r in rows if r[2]]
    sort = filters.get("sort")
    if sort == "status":
        rows.sort(key=lambda r: min([STATUS_RANK[s] for s in r[1].values()] or [99]))
    elif sort == "unverified":
        rows.sort(key=lambda r: -r[2])
    elif sort == "leaving":
        rows.sort(key=lambda r: (leaving.get(r[0]) is None, leaving.get(r[0]) or date.min))
    return [(people[pid].get_full_name(), cells, unverified) for pid, cells, unverified in rows]


def _shown(client, filters):
    response = client.get(reverse("portfolios:authorisation_matrix"), {k: v for k, v in filters.items() if v})
    assert response.status_code == 200
    rows = response.context["page_obj"].object_list
    profiles = response.context["profiles"]
    return [
        (row.person.get_full_name(),
         {p.code: cell.status for p, cell in zip(profiles, row.ordered, strict=True) if cell},
         row.unverified)
        for row in rows
    ]


def test_every_filter_and_sort_gives_the_derived_rows(login, hr, school, staffed_school):
    client = login(hr)
    combinations = itertools.product(
        ["", "PIE", "BWI"], ["", "authorised", "team", "upskilling", "no_data"], [False, True],
        ["name", "status", "unverified", "leaving"],
    )
    for profile, status, unverified, sort in combinations:
        filters = {"profile": profile, "status": status, "unverified": unverified, "sort": sort}
        assert _shown(client, filters) == _reference(school, filters), filters
    assert _shown(client, {"q": "van zorg"}) == [r for r in _reference(school, {}) if r[0] == "Gijs van Zorg"]


def test_cells_flag_unverified_records_and_show_the_team_rule(login, hr, staffed_school):
    page = login(hr).get(reverse("portfolios:authorisation_matrix")).content.decode()
    assert page.count('badge neutral">Bevoegd als deel van het team<') >= 2  # PIE covered together
    assert page.count('badge neutral">nog niet gecontroleerd<') == 2  # Bram's PIE part, Dirk's BWI
    assert page.count('title="geeft dit profiel niet"') == 7 * 3 - 8  # 7 teachers × 3 columns, 8 taught


def test_a_write_shows_at_once(login, hr, school, staffed_school):
    client = login(hr)
    before = _shown(client, {"profile": "M&T", "status": "authorised"})
    eva = staffed_school[4]
    hold(eva, direct="M&T")
    after = _shown(client, {"profile": "M&T", "status": "authorised"})
    assert [r[0] for r in after] == sorted({r[0] for r in before} | {eva.get_full_name()}, key=lambda n: n.split()[-1])


def test_a_teacher_who_left_is_not_listed(login, hr, school, staffed_school):
    ada = staffed_school[0]
    ada.memberships.update(start_date=date(2019, 1, 1), end_date=date(2020, 1, 1))
    from portfolios.services.status_store import refresh_statuses

    refresh_statuses([ada.pk])  # a bulk update sends no signal
    names = [r[0] for r in _shown(login(hr), {})]
    assert ada.get_full_name() not in names and len(names) == 6
