"""Two-step login: required for HR, hub staff and CMS users; TOTP and recovery codes work."""

import pytest
from django.urls import reverse

from community.models import Role
from tests.factories import MembershipFactory, PersonFactory, give_totp
from tests.totp import totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _person(role, organisation, *, two_step=True, **fields):
    person = PersonFactory(**fields)
    MembershipFactory(person=person, organisation=organisation, role=role, two_step=two_step)
    return person


@pytest.mark.parametrize("path", ["/dashboard/", "/community/school/people/", "/dossier/bevoegdheid/overzicht/", "/admin/"])
def test_hr_without_a_second_factor_is_sent_to_the_set_up_page(login, school, path):
    hr = _person(Role.HR, school, two_step=False)
    response = login(hr).get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
    page = login(hr).get(reverse("mfa_index"))
    assert page.status_code == 200
    assert "tweestapsverificatie" in page.content.decode().lower()


def test_hub_staff_without_a_second_factor_cannot_reach_the_admin(login, hub):
    hub_person = _person(Role.HUB_STAFF, hub, two_step=False, is_staff=True)
    assert login(hub_person).get("/admin/")["Location"] == reverse("mfa_index")


def test_cms_editor_without_a_role_needs_a_second_factor_too(login, school):
    from community.wagtail_groups import ensure_hub_editors_group

    editor = _person(Role.TEACHER, school)
    editor.groups.add(ensure_hub_editors_group())
    assert login(editor).get("/admin/")["Location"] == reverse("mfa_index")
    give_totp(editor)
    assert login(editor).get("/admin/").status_code == 200


def test_the_set_up_and_logout_stay_open(client, school):
    _person(Role.HR, school, two_step=False, email="new-hr@example.org")
    response = client.post(reverse("account_login"), {"login": "new-hr@example.org", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert "stel eerst tweestapsverificatie in" in response.content.decode()
    # Adding a factor asks for the password once more (a stolen session cannot add its own).
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    assert client.get(reverse("account_reauthenticate")).status_code == 200
    assert client.get(reverse("account_logout")).status_code == 200


def test_hr_with_totp_reaches_hr_pages(login, hr):
    assert login(hr).get(reverse("community:school_people")).status_code == 200


def test_teachers_are_not_forced_but_may_set_it_up(login, teacher):
    client = login(teacher)
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


def test_setting_up_totp_lifts_the_redirect(client, school):
    _person(Role.HR, school, two_step=False, email="new-hr@example.org")
    client.post(reverse("account_login"), {"login": "new-hr@example.org", "password": PASSWORD})
    assert client.get(reverse("community:school_people"))["Location"] == reverse("mfa_index")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("community:school_people")).status_code == 200


def _password_step(client, email):
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_login_asks_hr_for_the_code_after_the_password(client, hr):
    _password_step(client, "hr@example.org")
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code() != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == hr.pk
    assert client.get(reverse("community:school_people")).status_code == 200


def test_login_with_a_recovery_code_works_once(client, hr):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    codes = RecoveryCodes(Authenticator.objects.get(user=hr, type=Authenticator.Type.RECOVERY_CODES)).get_unused_codes()
    _password_step(client, "hr@example.org")
    assert client.post(reverse("mfa_authenticate"), {"code": codes[0]}).status_code == 302
    assert int(client.session["_auth_user_id"]) == hr.pk
    client.post(reverse("account_logout"))
    _password_step(client, "hr@example.org")
    reused = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert reused.status_code == 200
    assert "_auth_user_id" not in client.session


def test_teacher_logs_in_with_the_password_alone(client, teacher):
    response = client.post(reverse("account_login"), {"login": "teacher@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("dashboard")
