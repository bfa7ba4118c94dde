"""The shipped conversion table: every profile covered, every row cited, unconfirmed rows visible."""

import pytest
from django.urls import reverse

from community.models import Role, VmboProfile
from portfolios.models import ConversionRule
from tests.factories import MembershipFactory, PersonFactory

from .factories_authorisation import hold

pytestmark = pytest.mark.django_db


def test_every_profile_has_rules_and_every_rule_cites_its_source():
    rules = ConversionRule.objects.filter(active=True)
    assert {p.code for p in VmboProfile.objects.filter(in_inventory=True)} <= set(rules.values_list("profile__code", flat=True))
    assert not rules.filter(source="").exists()
    # The rows that could not be checked against the legal source say so, in the data.
    assert rules.filter(confirmed=False, profile__code__in=["M&T", "MaT", "MVI"]).exists()
    assert not rules.filter(confirmed=False).exclude(source__contains="NIET BEVESTIGD").exists()


def test_conditions_and_sources_are_dutch():
    pie = ConversionRule.objects.filter(profile__code="PIE", outcome="team", confirmed=True)
    assert all(rule.condition.startswith("dekt het deel") for rule in pie)
    assert not ConversionRule.objects.filter(source__contains="as copied on").exists()


def test_a_status_from_an_unconfirmed_rule_is_marked_on_screen(login, school):
    person = PersonFactory()
    MembershipFactory(person=person, organisation=school, role=Role.TEACHER, profiles=["M&T"])
    hold(person, "Motorvoertuigentechniek I en II")
    page = login(person).get(reverse("portfolios:authorisation_mine")).content.decode()
    assert "Bevoegd" in page
    assert "niet-bevestigde regel" in page.lower()
