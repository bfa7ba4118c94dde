"""The derived status per teacher × profile, one rule at a time."""

from datetime import date

import pytest

from community.models import Role
from portfolios.models import ConversionRule, normalise_qualification
from portfolios.reports.authorisation import (
    AUTHORISED,
    NO_DATA,
    NO_ROUTE,
    TEAM,
    UPSKILLING,
    StatusData,
    teacher_statuses,
)
from tests.factories import MembershipFactory, PersonFactory

from .factories_authorisation import hold, qualification

pytestmark = pytest.mark.django_db
ON = date(2026, 11, 1)


def status(school, person, code, on=ON):
    data = StatusData.load(on=on, school_ids=[school.pk])
    [result] = [s for s in data.statuses_of(school.pk, person.pk) if s.profile.code == code]
    # The inventories' cheaper path (columns only, status alone) must derive the same status.
    light = StatusData.load(on=on, school_ids=[school.pk], statuses_only=True)
    assert light.status(school.pk, person.pk, result.profile.pk) == result.status
    return result


def pie_teacher(school, *names, email=None):
    person = PersonFactory(**({"email": email} if email else {}))
    MembershipFactory(person=person, organisation=school, role=Role.TEACHER, profiles=["PIE"])
    for name in names:
        hold(person, name)
    return person


def test_a_direct_authorisation_makes_the_teacher_authorised(teacher, school):
    record = hold(teacher, direct="BWI")
    result = status(school, teacher, "BWI")
    assert result.status == AUTHORISED
    assert result.sources[0].record == record and result.sources[0].rule is None


def test_an_authorising_rule_names_the_rule_and_the_qualification(teacher, school):
    record = hold(teacher, "Bouwkunde I en II")
    result = status(school, teacher, "BWI")
    assert result.status == AUTHORISED
    assert result.sources[0].record == record
    assert result.sources[0].rule.qualification.name == "Bouwkunde I en II"
    assert result.next_step == ""


def test_an_after_upskilling_rule_names_the_upskilling(other_teacher, other_school):
    hold(other_teacher, "Informatica")
    result = status(other_school, other_teacher, "D&P")
    assert result.status == UPSKILLING
    assert result.upskilling == ["bijscholing (minor) Dienstverlening en Producten"]
    assert "bijscholing (minor) Dienstverlening en Producten" in result.next_step


def test_no_rule_means_no_route(teacher, school):
    hold(teacher, "Informatica")  # only gives D&P, which this teacher does not teach
    result = status(school, teacher, "BWI")
    assert result.status == NO_ROUTE
    assert result.sources == []
    assert "BWI" in result.next_step


def test_a_qualification_obtained_after_the_reference_date_does_not_count(teacher, school):
    hold(teacher, "Bouwkunde I en II", obtained_on=date(2027, 1, 1))
    assert status(school, teacher, "BWI").status == NO_ROUTE
    assert status(school, teacher, "BWI", on=date(2027, 1, 2)).status == AUTHORISED


def test_a_retired_rule_no_longer_applies(teacher, school):
    hold(teacher, "Bouwkunde I en II")
    rule = ConversionRule.objects.get(qualification=qualification("Bouwkunde I en II"), profile__code="BWI")
    rule.active = False
    rule.save()  # as the hub's CMS form does (signals renew the stored statuses and cached rules)
    assert status(school, teacher, "BWI").status == NO_ROUTE


def test_one_pie_part_without_the_rest_of_the_team_needs_upskilling(school):
    metal = pie_teacher(school, "Metaaltechniek")
    result = status(school, metal, "PIE")
    assert result.status == UPSKILLING
    assert result.missing_parts == ("installation", "electrical")


def test_pie_is_authorised_as_part_of_the_team_when_the_team_covers_every_part(school):
    metal = pie_teacher(school, "Metaaltechniek")
    pie_teacher(school, "Installatietechniek")
    pie_teacher(school, "Elektrotechniek")
    result = status(school, metal, "PIE")
    assert result.status == TEAM
    assert result.own_parts == ("metal",)
    assert "installation" in result.next_step or "installatie" in result.next_step


def test_the_team_is_per_school(school, other_school):
    metal = pie_teacher(school, "Metaaltechniek")
    elsewhere = PersonFactory()
    MembershipFactory(person=elsewhere, organisation=other_school, role=Role.TEACHER, profiles=["PIE"])
    hold(elsewhere, "Installatietechniek")
    hold(elsewhere, "Elektrotechniek")
    assert status(school, metal, "PIE").status == UPSKILLING


def test_a_teacher_whose_own_team_rows_cover_every_part_is_authorised_alone(school):
    allround = pie_teacher(school, "Metaaltechniek", "Installatietechniek", "Electrotechniek")
    result = status(school, allround, "PIE")
    assert result.status == AUTHORISED
    assert len(result.sources) == 3


@pytest.mark.parametrize("spelling", ["Electrotechniek", "Elektrotechniek", "ELEKTROTECHNIEK", " electro-techniek ", "Éléctrotechniek"])
def test_spelling_variants_match_the_same_row(spelling):
    assert normalise_qualification(spelling) == normalise_qualification("Elektrotechniek")
    rules = ConversionRule.objects.filter(qualification__key=normalise_qualification(spelling), active=True)
    assert {(r.profile.code, r.outcome) for r in rules} == {("PIE", "team"), ("D&P", "after_upskilling")}


def test_the_shipped_table_is_present_after_migrate():
    assert ConversionRule.objects.filter(active=True).count() == 60  # 40 shipped + 20 unconfirmed (0005)
    pie = ConversionRule.objects.filter(profile__code="PIE", confirmed=True).values_list("part", flat=True)
    assert sorted(pie) == ["electrical", "installation", "metal"]
    assert ConversionRule.objects.exclude(source="").count() == 60


def test_unverified_records_count_but_are_flagged(teacher, school):
    hold(teacher, "Bouwkunde I en II", verified=False)
    result = status(school, teacher, "BWI")
    assert result.status == AUTHORISED and result.unverified


def test_school_coverage_individual_team_or_not(school):
    from tests.factories import profile

    school.profiles_offered.set([profile("PIE"), profile("BWI"), profile("M&T")])
    pie_teacher(school, "Metaaltechniek")
    pie_teacher(school, "Installatietechniek")
    pie_teacher(school, "Electrotechniek")
    builder = PersonFactory()
    MembershipFactory(person=builder, organisation=school, role=Role.TEACHER, profiles=["BWI"])
    hold(builder, "Algemene Bouwkunde")
    from community.models import Organisation
    from portfolios.reports.matrix import matrix_columns
    from portfolios.services.status_store import ensure_fresh

    ensure_fresh()  # HR's matrix reads the stored statuses
    school = Organisation.objects.prefetch_related("profiles_offered").get(pk=school.pk)
    _profiles, columns, coverage = matrix_columns(school)
    coverage = {p.code: status for p, status, _text in coverage}
    assert coverage == {"BWI": AUTHORISED, "PIE": TEAM, "M&T": NO_ROUTE}


def test_teacher_statuses_cover_each_profile_taught(teacher, school):
    hold(teacher, "Bouwkunde I en II")
    [(at, statuses)] = teacher_statuses(teacher, on=ON)
    assert at == school
    assert {s.profile.code: s.status for s in statuses} == {"BWI": AUTHORISED, "PIE": NO_ROUTE}


def test_nobody_recorded_anything_means_no_data_not_no_route(teacher, school):
    result = status(school, teacher, "BWI")
    assert result.status == NO_DATA
    assert str(result.label) == "Geen gegevens"
    assert "P&O" in result.next_step
    hold(teacher, "Informatica")  # a record exists, none leads to BWI
    result = status(school, teacher, "BWI")
    assert result.status == NO_ROUTE and str(result.label) == "Geen route"


def test_the_inventory_counts_no_data_apart_from_no_route(teacher, colleague, school):
    from portfolios.reports.inventory import inventory

    hold(colleague, "Informatica")
    counts = inventory(on=ON, until=date(2028, 8, 1)).counts
    assert counts["no_data"]["PIE"] == 1 and counts["without_route"]["PIE"] == 1
