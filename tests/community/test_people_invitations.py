"""Invitations: HR invites its own school's people, hub staff anyone; links work once."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from community.models import Invitation, Membership, Person, Role
from tests.callbacks import work_callbacks
from tests.community.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def _invite(client, organisation, role=Role.TEACHER, email="nieuw@example.org"):
    return client.post(
        reverse("community:invitation_create"),
        {"email": email, "first_name": "Lisa", "last_name": "Verhoeven", "organisation": organisation.pk, "role": role},
    )


def test_hr_invites_a_teacher_of_its_school_and_an_email_with_a_link_goes_out(
    login, hr, school, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(login(hr), school)
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="nieuw@example.org")
    assert invitation.invited_by == hr
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    assert "Zuiderpark College" in message.subject
    assert reverse("community:invitation_accept", args=[invitation.token]) in message.body
    assert "Joyce Visser" in message.body  # who invites


def test_email_is_sent_only_after_the_transaction_commits(login, hr, school, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _invite(login(hr), school)
    assert mail.outbox == []
    assert len(work_callbacks(callbacks)) == 1


def test_hr_cannot_invite_to_another_school(login, hr, other_school):
    response = _invite(login(hr), other_school)
    assert response.status_code == 200  # the form refuses the choice
    assert not Invitation.objects.exists()
    assert "organisation" in response.context["form"].errors


def test_hr_cannot_hand_out_hub_staff_rights(login, hr, school):
    response = _invite(login(hr), school, role=Role.HUB_STAFF)
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_hub_staff_invite_anyone_to_any_organisation_and_role(login, hub_staff, company):
    response = _invite(login(hub_staff), company, role=Role.COMPANY_MENTOR)
    assert response.status_code == 302
    assert Invitation.objects.get().organisation == company


def test_teacher_cannot_invite(login, teacher, school):
    assert _invite(login(teacher), school).status_code == 403


def test_reinviting_an_existing_person_adds_the_membership(
    login, hr, school, other_teacher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(login(hr), school, email="OTHER@example.org")
    assert response.status_code == 302
    assert not Invitation.objects.exists()
    assert Membership.objects.active().filter(person=other_teacher, organisation=school, role=Role.TEACHER).exists()
    assert len(mail.outbox) == 1
    assert "Zuiderpark College" in mail.outbox[0].subject


def test_invitee_sets_a_password_and_gets_account_and_membership(client, school):
    invitation = InvitationFactory(organisation=school, email="lisa@example.org", role=Role.TEACHER)
    url = reverse("community:invitation_accept", args=[invitation.token])
    page = client.get(url).content.decode()
    assert "lisa@example.org" in page
    assert 'for="id_password1"' in page
    response = client.post(url, {"password1": "een-lang-wachtwoord-42", "password2": "een-lang-wachtwoord-42"})
    assert response.status_code == 302
    person = Person.objects.get(email="lisa@example.org")
    assert person.check_password("een-lang-wachtwoord-42")
    assert person.first_name == "Lisa"
    assert Membership.objects.active().filter(person=person, organisation=school, role=Role.TEACHER).exists()
    assert client.get(reverse("dashboard")).status_code == 200  # logged in
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_short_password_is_refused_with_the_error_tied_to_the_field(client, school):
    invitation = InvitationFactory(organisation=school)
    url = reverse("community:invitation_accept", args=[invitation.token])
    response = client.post(url, {"password1": "kort-wacht1", "password2": "kort-wacht1"})
    html = response.content.decode()
    assert "Dit wachtwoord is te kort" in html
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in html
    assert 'id="id_password1_error"' in html
    assert not Person.objects.filter(email=invitation.email).exists()


def test_used_link_says_so(client, school):
    invitation = InvitationFactory(organisation=school, used=True)
    response = client.get(reverse("community:invitation_accept", args=[invitation.token]))
    assert response.status_code == 410
    assert "al geaccepteerd" in response.content.decode()


def test_expired_link_says_whom_to_ask(client, school, hr):
    invitation = InvitationFactory(organisation=school, expired=True, invited_by=hr)
    response = client.get(reverse("community:invitation_accept", args=[invitation.token]))
    assert response.status_code == 410
    html = response.content.decode()
    assert "verlopen" in html
    assert "Joyce Visser" in html
    post = client.post(reverse("community:invitation_accept", args=[invitation.token]), {"password1": "x" * 20, "password2": "x" * 20})
    assert post.status_code == 410
    assert not Person.objects.filter(email=invitation.email).exists()


def test_unknown_link_gives_a_clear_404(client):
    response = client.get(reverse("community:invitation_accept", args=["no-such-token"]))
    assert response.status_code == 404
    assert "niet geldig" in response.content.decode()


def test_pending_list_shows_own_school_only(login, hr, school, other_school):
    InvitationFactory(organisation=school, email="mine@example.org")
    InvitationFactory(organisation=other_school, email="theirs@example.org")
    InvitationFactory(organisation=school, email="done@example.org", used=True)
    html = login(hr).get(reverse("community:invitation_list")).content.decode()
    assert "mine@example.org" in html
    assert "theirs@example.org" not in html
    assert "done@example.org" not in html


def test_resend_replaces_the_link(login, hr, school, django_capture_on_commit_callbacks):
    invitation = InvitationFactory(organisation=school, expired=True)
    old_token = invitation.token
    with django_capture_on_commit_callbacks(execute=True):
        response = login(hr).post(reverse("community:invitation_resend", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.token != old_token
    assert invitation.is_usable
    assert invitation.token in mail.outbox[0].body
    assert Invitation.objects.filter(token=old_token).count() == 0


def test_revoke_makes_the_link_invalid(login, hr, school):
    invitation = InvitationFactory(organisation=school)
    login(hr).post(reverse("community:invitation_revoke", args=[invitation.pk]))
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_other_hr_cannot_resend_or_revoke(login, other_hr, school):
    invitation = InvitationFactory(organisation=school)
    client = login(other_hr)
    assert client.post(reverse("community:invitation_resend", args=[invitation.pk])).status_code == 404
    assert client.post(reverse("community:invitation_revoke", args=[invitation.pk])).status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_logged_in_as_someone_else_is_told_to_log_out(login, teacher, school):
    invitation = InvitationFactory(organisation=school, email="lisa@example.org")
    html = login(teacher).get(reverse("community:invitation_accept", args=[invitation.token])).content.decode()
    assert "lisa@example.org" in html
    assert 'name="password1"' not in html


def test_the_email_link_is_absolute(login, hr, school, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://techniekhub.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        _invite(login(hr), school)
    assert re.search(r"https://techniekhub\.example\.org/community/invitation/\S+/", mail.outbox[0].body)
