"""Account hygiene: the security log, "Mijn sessies", verified addresses from invitations."""

import pytest
from django.urls import reverse

from community.models import Invitation, Role, SecurityEvent, SecurityEventKind
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password}, HTTP_USER_AGENT="Firefox test")


def test_logins_and_failures_land_in_the_persons_log(client, teacher):
    _login(client, "teacher@example.org", "wrong-password-123")
    _login(client, "teacher@example.org")
    kinds = list(SecurityEvent.objects.filter(person=teacher).values_list("kind", flat=True))
    assert SecurityEventKind.LOGIN_FAILED in kinds and SecurityEventKind.LOGIN in kinds
    html = client.get(reverse("community:security_log")).content.decode()
    assert "Mislukte inlogpoging" in html
    assert "Ingelogd" in html
    assert "Firefox test" in html


def test_password_and_role_changes_are_logged(client, teacher, school):
    _login(client, "teacher@example.org")
    client.post(reverse("account_change_password"), {
        "oldpassword": PASSWORD, "password1": "een-heel-nieuw-wachtwoord", "password2": "een-heel-nieuw-wachtwoord",
    })
    MembershipFactory(person=teacher, organisation=school, role=Role.TEAM_LEADER)
    kinds = set(SecurityEvent.objects.filter(person=teacher).values_list("kind", flat=True))
    assert {SecurityEventKind.PASSWORD_CHANGED, SecurityEventKind.ROLE_CHANGED} <= kinds


def test_two_step_changes_and_wrong_codes_are_logged(client, hr):
    from allauth.mfa.models import Authenticator

    _login(client, "hr@example.org")
    client.post(reverse("mfa_authenticate"), {"code": "12345"})
    assert SecurityEvent.objects.filter(person=hr, kind=SecurityEventKind.TWO_STEP_FAILED).exists()
    from allauth.mfa import signals

    from community.security_log import on_two_step_changed

    on_two_step_changed(None, request=None, user=hr, authenticator=Authenticator.objects.filter(user=hr).first(),
                        signal=signals.authenticator_removed)
    assert SecurityEvent.objects.filter(person=hr, kind=SecurityEventKind.TWO_STEP_REMOVED).exists()


def test_a_person_sees_only_their_own_log(login, teacher, colleague):
    SecurityEvent.objects.create(person=colleague, kind=SecurityEventKind.LOGIN, user_agent="Colleague browser")
    html = login(teacher).get(reverse("community:security_log")).content.decode()
    assert "Colleague browser" not in html


def test_hub_staff_search_everyones_log_others_may_not(login, hub_staff, teacher, hr):
    SecurityEvent.objects.create(person=teacher, kind=SecurityEventKind.LOGIN_FAILED, ip="203.0.113.9")
    client = login(hub_staff)
    html = client.get(reverse("community:security_search") + "?q=teacher@example&kind=login_failed").content.decode()
    assert "teacher@example.org" in html and "203.0.113.9" in html
    assert "203.0.113.9" in client.get(reverse("community:security_search") + "?q=203.0.113").content.decode()
    assert "teacher@example.org" not in client.get(reverse("community:security_search") + "?q=nobody").content.decode()
    assert login(hr).get(reverse("community:security_search")).status_code == 403
    assert login(teacher).get(reverse("community:security_search")).status_code == 403


def test_my_sessions_lists_the_session_of_a_login(client, teacher):
    _login(client, "teacher@example.org")
    response = client.get(reverse("usersessions_list"))
    assert response.status_code == 200
    assert "Firefox" in response.content.decode()


def test_an_accepted_invitation_marks_the_address_verified(client, hr, school):
    from allauth.account.models import EmailAddress

    invitation = Invitation.objects.create(
        email="nieuw@example.org", first_name="Nina", last_name="Nieuw", organisation=school, role=Role.TEACHER, invited_by=hr,
    )
    url = reverse("community:invitation_accept", args=[invitation.token])
    client.post(url, {"password1": "een-lang-wachtwoord-42", "password2": "een-lang-wachtwoord-42"})
    address = EmailAddress.objects.get(email="nieuw@example.org")
    assert address.verified and address.primary


def test_an_unlisted_person_has_no_page_for_other_organisations(login, teacher, colleague, other_teacher, hub_staff):
    url = reverse("community:person_detail", args=[teacher.pk])
    assert login(colleague).get(url).status_code == 200
    assert login(hub_staff).get(url).status_code == 200
    assert login(other_teacher).get(url).status_code == 404
    teacher.listed_in_directory = True
    teacher.save()
    assert login(other_teacher).get(url).status_code == 200
