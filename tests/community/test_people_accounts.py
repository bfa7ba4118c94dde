"""Accounts: allauth login in our layout, rate limits, password reset, the one admin login."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_page_uses_our_layout_in_dutch(client):
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="nl">' in html
    assert 'class="skip-link"' in html
    assert 'id="site-nav"' in html
    assert '<label for="id_login">' in html
    assert "Inloggen" in html
    # No open sign-up: no link to a sign-up page.
    assert "/accounts/signup/" not in html


def test_teacher_logs_in_with_email_and_lands_on_dashboard(client, teacher):
    response = _login(client, "teacher@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_wrong_password_shows_an_error_tied_to_the_form(client, teacher):
    response = _login(client, "teacher@example.org", "wrong-password-123")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "e-mailadres en/of wachtwoord is niet correct" in html


def test_login_is_rate_limited_after_repeated_failures(client, teacher):
    for _ in range(5):
        _login(client, "teacher@example.org", "wrong-password-123")
    # Even the right password is refused now: the limit counts failures per account.
    response = _login(client, "teacher@example.org", PASSWORD)
    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signup_is_closed(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert 'name="password1"' not in response.content.decode()


def test_password_reset_sends_a_link_that_sets_a_new_password(client, teacher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # sent by the task worker after the commit
        response = client.post(reverse("account_reset_password"), {"email": "teacher@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # allauth moves the key into the session
    too_short = client.post(form_url, {"password1": "kort-wachtw", "password2": "kort-wachtw"})
    assert "Het moet minstens 12 tekens bevatten" in too_short.content.decode()
    done = client.post(form_url, {"password1": "een-lang-nieuw-wachtwoord", "password2": "een-lang-nieuw-wachtwoord"})
    assert done.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("een-lang-nieuw-wachtwoord")


def test_logout_ends_the_session(login, teacher):
    client = login(teacher)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_admin_login_is_allauths(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    # Wagtail's own login form is not reachable: it would bypass the rate limits.
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/pages/"


def test_teacher_is_refused_from_the_wagtail_admin(login, teacher):
    # A clear refusal, not a redirect to the login (which sent them straight back: a loop).
    response = login(teacher).get("/admin/")
    assert response.status_code == 403
    assert "Je hebt geen toegang tot het beheer" in response.content.decode()
    assert login(teacher).get("/admin/pages/").status_code == 403


def test_hub_staff_reach_the_wagtail_admin_and_its_people_section(login, hub_staff):
    client = login(hub_staff)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("membership:index")).status_code == 200
    assert client.get(reverse("organisation:index")).status_code == 200
    assert client.get(reverse("people:index")).status_code == 200


def test_hub_staff_export_memberships_as_xlsx_and_csv(login, hub_staff, teacher):
    client = login(hub_staff)
    csv = client.get(reverse("membership:index") + "?export=csv")
    assert csv.status_code == 200
    assert "Zuiderpark College" in b"".join(csv.streaming_content).decode("utf-8-sig")
    xlsx = client.get(reverse("membership:index") + "?export=xlsx")
    assert xlsx.status_code == 200
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"


def test_hub_staff_filter_organisations_by_kind(login, hub_staff, school, company):
    html = login(hub_staff).get(reverse("organisation:index") + "?kind=company").content.decode()
    assert "Stedin" in html
    assert "Zuiderpark College" not in html


def test_english_switch(client, teacher):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("account_login")})
    assert response.status_code == 302
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="en">' in html
    assert "Log in with your email address" in html
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert '<html lang="nl">' in client.get(reverse("account_login")).content.decode()


def test_site_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_admin_gets_a_looser_policy_for_its_inline_scripts(login, hub_staff):
    policy = login(hub_staff).get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy.split("script-src")[1].split(";")[0]


def test_inactive_person_cannot_log_in(client):
    PersonFactory(email="gone@example.org", is_active=False)
    response = _login(client, "gone@example.org", PASSWORD)
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
