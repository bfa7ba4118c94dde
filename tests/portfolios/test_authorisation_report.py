"""The regional inventory on a small hand-made data set, the command, and its query count."""

import io
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.models import Role
from portfolios.models import NeedsInventoryResponse, NeedsInventoryRound, StaffRecord
from portfolios.reports.inventory import inventory
from tests.factories import MembershipFactory, PersonFactory, profile

from .factories_authorisation import GrowthNeedFactory, hold

pytestmark = pytest.mark.django_db
ON, UNTIL = date(2026, 10, 1), date(2028, 8, 1)


def teacher_at(school, profiles, *holds, start=date(2020, 8, 1), end=None, direct=None):
    person = PersonFactory()
    MembershipFactory(person=person, organisation=school, role=Role.TEACHER, profiles=profiles, start_date=start, end_date=end)
    for name in holds:
        hold(person, name)
    if direct:
        hold(person, direct=direct)
    return person


@pytest.fixture
def region(school, other_school):
    a = teacher_at(school, ["BWI", "PIE"], "Bouwkunde I en II", "Metaaltechniek")  # BWI ok; PIE team
    teacher_at(school, ["PIE"], "Installatietechniek", "Electrotechniek")  # PIE team
    teacher_at(school, ["PIE"], direct="PIE")  # PIE authorised
    teacher_at(school, ["M&T"])  # M&T no route
    teacher_at(school, ["BWI"], end=date(2026, 7, 31))  # left before the date: not counted
    teacher_at(school, ["BWI"], start=date(2027, 1, 1))  # starts after the date: not counted
    b = teacher_at(other_school, ["D&P"], "Informatica")  # D&P upskilling
    teacher_at(other_school, ["D&P", "MVI"])  # no route twice
    # Trainees and HR are not counted even with profiles.
    trainee = PersonFactory()
    MembershipFactory(person=trainee, organisation=school, role=Role.TRAINEE, profiles=["PIE"])
    StaffRecord.objects.create(person=a, school=school, leaving_on=date(2027, 7, 31))
    StaffRecord.objects.create(person=b, school=other_school, leaving_on=date(2030, 1, 1))  # after the period
    round_ = NeedsInventoryRound.objects.create(school_year="2026-2027", opens_on=date(2026, 9, 1), deadline=date(2026, 12, 1))
    response = NeedsInventoryResponse.objects.create(round=round_, person=a, submitted_at=timezone.make_aware(datetime(2026, 9, 20)))
    response.deepening_profiles.set([profile("PIE"), profile("MVI")])  # MVI: a profile a does not teach
    draft = NeedsInventoryResponse.objects.create(round=round_, person=b)
    draft.deepening_profiles.set([profile("D&P")])  # not submitted: not counted
    GrowthNeedFactory(profile=profile("PIE"), teachers=2)
    GrowthNeedFactory(profile=profile("PIE"), school=school, teachers=1, needed_by=date(2027, 8, 1))
    GrowthNeedFactory(profile=profile("BWI"), teachers=5, needed_by=date(2030, 8, 1))  # outside the period
    return school, other_school


EXPECTED_REGION = {
    "authorised": {"BWI": 1, "PIE": 1, "M&T": 0, "MaT": 0, "MVI": 0, "D&P": 0},
    "needs_upskilling": {"BWI": 0, "PIE": 2, "M&T": 0, "MaT": 0, "MVI": 0, "D&P": 1},
    "without_route": {"BWI": 0, "PIE": 0, "M&T": 0, "MaT": 0, "MVI": 0, "D&P": 0},
    # Nobody recorded a qualification for these teachers: "Geen gegevens", not "Geen route".
    "no_data": {"BWI": 0, "PIE": 0, "M&T": 1, "MaT": 0, "MVI": 1, "D&P": 1},
    "leaving": {"BWI": 1, "PIE": 1, "M&T": 0, "MaT": 0, "MVI": 0, "D&P": 0},
    "needs_deepening": {"BWI": 0, "PIE": 1, "M&T": 0, "MaT": 0, "MVI": 0, "D&P": 0},
    "needed_for_growth": {"BWI": 0, "PIE": 3, "M&T": 0, "MaT": 0, "MVI": 0, "D&P": 0},
}


def test_region_counts_on_a_hand_made_set(region):
    assert inventory(on=ON, until=UNTIL).counts == EXPECTED_REGION


def test_one_school(region):
    school, other = region
    counts = inventory(on=ON, until=UNTIL, school=other).counts
    assert counts["needs_upskilling"]["D&P"] == 1
    assert counts["no_data"] == {"BWI": 0, "PIE": 0, "M&T": 0, "MaT": 0, "MVI": 1, "D&P": 1}
    assert counts["needed_for_growth"]["PIE"] == 0
    assert inventory(on=ON, until=UNTIL, school=school).counts["needed_for_growth"]["PIE"] == 1


def test_plan_target_per_school_and_region(region):
    targets = inventory(on=ON, until=UNTIL).targets
    total = targets[-1]
    assert total["school"] is None and total["teachers"] == 6 and total["not_authorised"] == 5


def test_command_prints_the_issue_format(region):
    out = io.StringIO()
    call_command("inventory_report", "--date", "2026-10-01", "--until", "2028-08-01", "--format", "csv", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0] == "measure,BWI,PIE,M&T,MaT,MVI,D&P"
    assert lines[1:] == [
        "authorised,1,1,0,0,0,0", "needs_upskilling,0,2,0,0,0,1", "without_route,0,0,0,0,0,0",
        "no_data,0,0,1,0,1,1",
        "leaving,1,1,0,0,0,0", "needs_deepening,0,1,0,0,0,0", "needed_for_growth,0,3,0,0,0,0",
    ]
    out = io.StringIO()
    call_command("inventory_report", "--date", "2026-10-01", "--until", "2028-08-01", "--school", "20aa", stdout=out)
    assert "needs_upskilling,0,0,0,0,0,1" in out.getvalue()


def test_hub_page_shows_counts_chart_and_downloads(login, hub_staff, region):
    client = login(hub_staff)
    page = client.get(reverse("portfolios:authorisation_inventory") + "?date=2026-10-01&until=2028-08-01").content.decode()
    assert "<svg" in page and "Zuiderpark College" in page
    csv_text = client.get(reverse("portfolios:authorisation_inventory_export") + "?date=2026-10-01&until=2028-08-01&format=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "measure;BWI;PIE;M&T;MaT;MVI;D&P"
    assert "needs_upskilling;0;2;0;0;0;1" in csv_text


def test_hub_page_shows_no_names(login, hub_staff, teacher):
    page = login(hub_staff).get(reverse("portfolios:authorisation_inventory")).content.decode()
    assert "de Vries" not in page


def _grow(school, n):
    for i in range(n):
        teacher_at(school, ["PIE", "BWI"], "Metaaltechniek" if i % 2 else "Bouwkunde I en II")


@pytest.mark.parametrize("n", [4, 40])
def test_report_queries_are_fixed(school, django_assert_num_queries, n):
    _grow(school, n)
    with django_assert_num_queries(10):  # the conversion rules: read once per process (active_rules)
        inventory(on=ON, until=UNTIL)
