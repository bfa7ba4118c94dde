"""Programmadoelen: the three B.2.4 targets per school year and school, a chart, an export."""

from datetime import date

import pytest
from django.urls import reverse

from courses.reports.goals import programme_goals
from tests.portfolios.factories_authorisation import hold

pytestmark = pytest.mark.django_db


def test_hub_staff_see_the_three_targets_with_a_chart_and_download(login, hub_staff, teacher, colleague, school):
    hold(teacher, "Bouwkunde I en II")
    client = login(hub_staff)
    page = client.get(reverse("courses:programme_goals")).content.decode()
    assert page.count("<svg") == 3
    assert "Zuiderpark College" in page and teacher.get_full_name() not in page
    csv_text = client.get(reverse("courses:programme_goals_export") + "?format=csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].count(";") == 5
    assert "Zuiderpark College" in csv_text
    xlsx = client.get(reverse("courses:programme_goals_export") + "?format=xlsx")
    assert xlsx.content[:2] == b"PK"


def test_progress_per_school_year_since_2022(teacher, school):
    goals = programme_goals(today=date(2025, 10, 1))
    assert [y.school_year for y in goals["years"]] == ["2022-2023", "2023-2024", "2024-2025", "2025-2026"]
    assert goals["years"][0].on == date(2023, 7, 1)


def test_inflow_per_school_year_and_school_against_the_first_year(login, hub_staff, school, other_school):
    from community.models import Role
    from tests.factories import MembershipFactory, PersonFactory

    def start(org, day, role=Role.TEACHER, person=None):
        person = person or PersonFactory()
        MembershipFactory(person=person, organisation=org, role=role, start_date=day)
        return person

    for _ in range(5):
        start(school, date(2022, 9, 1))  # baseline 2022-2023: 5
    for _ in range(5):
        start(school, date(2023, 9, 1))
    start(school, date(2024, 2, 1), role=Role.TRAINEE)  # a hybrid teacher counts as inflow
    moved = start(other_school, date(2023, 10, 1))
    start(school, date(2024, 3, 1), person=moved)  # new at this school, new in the region count per school only
    again = start(school, date(2022, 9, 1))
    start(school, date(2023, 9, 1), person=again)  # a renewed contract is no inflow
    goals = programme_goals(today=date(2024, 7, 15))
    year = {y.school_year: y for y in goals["years"]}["2023-2024"]
    assert year.inflow["Zuiderpark College"] == (7, 8, 17)  # 6 baseline → target 8, +17%
    page = login(hub_staff).get(reverse("courses:programme_goals")).content.decode()
    assert "doel 8" in page
    csv_text = login(hub_staff).get(reverse("courses:programme_goals_export") + "?format=csv").content.decode("utf-8-sig")
    assert "2023-2024;Zuiderpark College;7;8;17" in csv_text
