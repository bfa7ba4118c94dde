"""Hub figures, needs_deepening_counts and the dashboard panels."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolios.models import PlanStatus
from portfolios.reports.dossier import hub_figures, needs_deepening_counts
from portfolios.services.dossier import school_year_of
from tests.conftest import DASHBOARD_MAX_QUERIES
from tests.factories import MembershipFactory, PersonFactory, profile
from tests.portfolios.factories_dossier import (
    EntryFactory,
    PlanFactory,
    ResponseFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


def _deepening_wishes(teacher, colleague, other_teacher, other_school):
    """A hand-made set: who teaches what, and who asked for deepening in what."""
    round = RoundFactory(school_year=school_year_of())
    wishes = (
        (teacher, ["BWI", "PIE"], True),  # teaches PIE and BWI: counted in both
        (colleague, ["PIE", "MVI"], True),  # teaches PIE only: counted in PIE, not in MVI
        (other_teacher, ["PIE", "D&P"], True),  # teaches D&P only (other school): counted in D&P
    )
    for person, codes, submitted in wishes:
        response = ResponseFactory(round=round, person=person, submitted_at=timezone.now() if submitted else None)
        response.deepening_profiles.set([profile(c) for c in codes])
    # The teacher also teaches PIE at the other school: still one teacher in PIE.
    MembershipFactory(person=teacher, organisation=other_school, role="teacher", profiles=["PIE"])
    draft_author = PersonFactory()
    MembershipFactory(person=draft_author, organisation=other_school, role="teacher", profiles=["MVI"])
    ResponseFactory(round=round, person=draft_author).deepening_profiles.set([profile("MVI")])  # a draft
    not_employed = PersonFactory()  # asked, but teaches nowhere
    ResponseFactory(round=round, person=not_employed, submitted_at=timezone.now()).deepening_profiles.set([profile("PIE")])


def test_needs_deepening_counts_teachers_who_teach_the_profile(teacher, colleague, other_teacher, school, other_school):
    _deepening_wishes(teacher, colleague, other_teacher, other_school)
    today = timezone.localdate()
    region = needs_deepening_counts(today)
    assert region == {**dict.fromkeys(region, 0), "PIE": 2, "BWI": 1, "D&P": 1}
    assert needs_deepening_counts(today, school=school) == {**dict.fromkeys(region, 0), "PIE": 2, "BWI": 1}
    assert needs_deepening_counts(today, school=other_school) == {**dict.fromkeys(region, 0), "PIE": 1, "D&P": 1}


def test_dossier_figures_and_regional_inventory_show_the_same_needs_deepening(
    teacher, colleague, other_teacher, other_school, hub_staff, login
):
    _deepening_wishes(teacher, colleague, other_teacher, other_school)
    client = login(hub_staff)
    figures = client.get(reverse("portfolios:figures"))
    a5 = client.get(reverse("portfolios:authorisation_inventory"))
    assert figures.status_code == a5.status_code == 200
    a5_counts = a5.context["inv"].counts["needs_deepening"]
    shown = {code: n for code, n in figures.context["deepening"].items() if code in a5_counts}
    assert shown == a5_counts == {**dict.fromkeys(a5_counts, 0), "PIE": 2, "BWI": 1, "D&P": 1}
    assert "in een profiel dat hij/zij geeft" in figures.content.decode()


def test_hub_figures_count_plans_activity_and_hours(teacher, colleague, other_teacher, django_assert_max_num_queries):
    today = timezone.localdate()
    PlanFactory(person=teacher, status=PlanStatus.AGREED, hours_target=80)
    PlanFactory(person=colleague, status=PlanStatus.SUBMITTED, hours_target=40)
    EntryFactory(owner=teacher, date=today, hours=Decimal("10"))
    EntryFactory(owner=colleague, date=date(2000, 1, 1), hours=Decimal("99"))  # another year
    with django_assert_max_num_queries(6):
        rows, region = hub_figures(today)
    zuiderpark = next(r for r in rows if r.school.name == "Zuiderpark College")
    assert (zuiderpark.teachers, zuiderpark.agreed_plans, zuiderpark.developed) == (2, 1, 1)
    assert (zuiderpark.hours_done, zuiderpark.hours_target) == (Decimal("10"), Decimal("120"))
    assert (region.teachers, region.agreed_plans, region.agreed_percent) == (3, 1, 33)


def test_figures_page_shows_counts_not_names(login, hub_staff, teacher):
    PlanFactory(person=teacher, status=PlanStatus.AGREED)
    page = login(hub_staff).get(reverse("portfolios:figures")).content.decode()
    assert "Zuiderpark College" in page and teacher.get_full_name() not in page
    csv = login(hub_staff).get(reverse("portfolios:figures") + "?format=csv").content.decode()
    assert "Zuiderpark College" in csv


def test_a_teacher_at_two_schools_counts_once_for_the_region(teacher, other_school):
    MembershipFactory(person=teacher, organisation=other_school, profiles=["PIE"])
    rows, region = hub_figures(timezone.localdate())
    assert sum(r.teachers for r in rows) == 2 and region.teachers == 1


@pytest.mark.parametrize(
    "persona,shown,hidden",
    [
        ("teacher", ["Je dossier", "Inventarisatie invullen"], ["Plannen om te akkorderen", "Dossiercijfers"]),
        ("team_leader", ["Plannen om te akkorderen"], ["Je dossier", "Dossiercijfers"]),
        ("hr", ["Inventarisatie en plannen"], ["Je dossier", "Plannen om te akkorderen"]),
        ("hub_staff", ["Dossiercijfers"], ["Je dossier", "Inventarisatie en plannen"]),
    ],
)
def test_dashboard_panels_per_role(request, login, persona, shown, hidden, django_assert_max_num_queries, built_statuses):
    RoundFactory()
    client = login(request.getfixturevalue(persona))
    built_statuses()
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        page = client.get(reverse("dashboard")).content.decode()
    for text in shown:
        assert text in page, text
    for text in hidden:
        assert text not in page, text


def test_team_leader_panel_lists_submitted_plans(login, team_leader, teacher):
    plan = PlanFactory(person=teacher, status=PlanStatus.SUBMITTED)
    page = login(team_leader).get(reverse("dashboard")).content.decode()
    assert reverse("portfolios:plan_detail", kwargs={"pk": plan.pk}) in page
