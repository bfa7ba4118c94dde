"""Inventory rounds: an email when a round opens, one open round at a time, the team's response."""

from datetime import timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.models import Membership, Role
from portfolios.models import NeedsInventoryRound
from tests.factories import MembershipFactory, PersonFactory
from tests.portfolios.factories_dossier import ResponseFactory, RoundFactory


def test_teachers_get_an_email_when_a_round_opens_once(teacher, colleague, other_teacher, team_leader):
    round = RoundFactory(opens_on=timezone.localdate(), announced_at=None)
    call_command("send_inventory_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([teacher.email, colleague.email, other_teacher.email])
    assert "is open" in mail.outbox[0].subject
    assert reverse("portfolios:inventory_round", kwargs={"round_id": round.pk}) in mail.outbox[0].body
    call_command("send_inventory_reminders")
    assert len(mail.outbox) == 3


def test_overlapping_rounds_are_refused(db):
    today = timezone.localdate()
    RoundFactory(school_year="2026-2027", opens_on=today, deadline=today + timedelta(days=30))
    clash = NeedsInventoryRound(school_year="2027-2028", opens_on=today + timedelta(days=10), deadline=today + timedelta(days=60))
    try:
        clash.full_clean()
    except ValidationError as error:
        assert "2026-2027" in str(error)
    else:
        raise AssertionError("an overlapping round was accepted")
    later = NeedsInventoryRound(school_year="2027-2028", opens_on=today + timedelta(days=31), deadline=today + timedelta(days=60))
    later.full_clean()


def test_hub_dashboard_shows_every_open_round(login, hub_staff, teacher):
    today = timezone.localdate()
    RoundFactory(school_year="2025-2026", opens_on=today - timedelta(days=3), deadline=today + timedelta(days=3))
    RoundFactory(school_year="2026-2027", opens_on=today - timedelta(days=1), deadline=today + timedelta(days=20))
    page = login(hub_staff).get(reverse("dashboard")).content.decode()
    assert "Inventarisatie 2025-2026" in page and "Inventarisatie 2026-2027" in page
    assert "meer dan één inventarisatieronde" in page


def test_team_leader_sees_the_response_of_their_team_without_leavers(login, team_leader, teacher, colleague, team,
                                                                     school, other_teacher):
    round = RoundFactory()
    ResponseFactory(round=round, person=teacher, submitted_at=timezone.now())
    leaver = PersonFactory(first_name="Vertrokken", last_name="Collega")
    MembershipFactory(person=leaver, organisation=school, role=Role.TEACHER, team=team, profiles=["PIE"])
    Membership.objects.filter(person=leaver).update(end_date=timezone.localdate() - timedelta(days=1))
    page = login(team_leader).get(reverse("portfolios:inventory_team")).content.decode()
    assert "1 van de 2 techniekdocenten in je team hebben ingediend (50%)" in page
    assert colleague.get_full_name() in page
    assert "Vertrokken Collega" not in page and other_teacher.get_full_name() not in page
    dashboard = login(team_leader).get(reverse("dashboard")).content.decode()
    assert "1 van de 2 gereageerd" in dashboard


def test_deactivated_people_are_not_counted_for_hr(login, hr, teacher, colleague):
    round = RoundFactory()
    colleague.is_active = False
    colleague.save()
    page = login(hr).get(reverse("portfolios:inventory_school") + f"?round={round.pk}").content.decode()
    assert colleague.get_full_name() not in page and teacher.get_full_name() in page
