"""Rate limits that never lock out colleagues: failures count per account, the address limit is
generous and counts failures only, the client address is read behind a proxy only when asked."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
STAFF_ROOM = "203.0.113.7"


def _login(client, email, password, **extra):
    client.logout()
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=STAFF_ROOM, **extra)


def test_six_wrong_passwords_for_one_account_do_not_stop_a_colleague(client, teacher, colleague):
    for _ in range(6):
        assert _login(client, "teacher@example.org", "wrong-password-123").status_code == 200
    # The mistyping teacher is held back for a few minutes ...
    response = _login(client, "teacher@example.org", PASSWORD)
    assert "Te veel inlogpogingen" in response.content.decode()
    # ... but a colleague behind the same address logs in at once.
    response = _login(client, "colleague@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_a_study_day_hall_logs_in_from_one_address(client):
    people = [PersonFactory(email=f"hall{i}@example.org") for i in range(45)]
    for person in people:  # more than allauth's default of 30 logins per minute per address
        response = _login(client, person.email, PASSWORD)
        assert response.status_code == 302, person.email


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/5m/ip,5/5m/key"})
def test_the_address_limit_counts_failures_only(client, teacher):
    PersonFactory(email="a@example.org")
    for _ in range(3):
        _login(client, "a@example.org", "wrong-password-123")
    response = _login(client, "teacher@example.org", PASSWORD)
    assert "Te veel inlogpogingen" in response.content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"login": "1/m/ip"})
def test_too_many_requests_page_is_dutch_and_in_the_site_layout(client, teacher):
    _login(client, "teacher@example.org", PASSWORD)
    response = _login(client, "teacher@example.org", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Te veel pogingen" in html
    assert 'id="site-nav"' in html


def _forwarded(client, email, password, forwarded_for):
    client.logout()
    return client.post(
        reverse("account_login"), {"login": email, "password": password},
        REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "2/5m/ip,50/5m/key"}, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_each_client_address_counts_apart(client, teacher):
    for _ in range(2):
        _forwarded(client, "teacher@example.org", "wrong-password-123", "198.51.100.1")
    refused = _forwarded(client, "teacher@example.org", PASSWORD, "198.51.100.1")
    assert "Te veel inlogpogingen" in refused.content.decode()
    # Another client behind the same load balancer is not affected.
    assert _forwarded(client, "teacher@example.org", PASSWORD, "198.51.100.2").status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "2/5m/ip,50/5m/key"})
def test_without_the_setting_a_forged_header_changes_nothing(client, teacher):
    for n in range(2):
        _forwarded(client, "teacher@example.org", "wrong-password-123", f"198.51.100.{n}")
    refused = _forwarded(client, "teacher@example.org", PASSWORD, "198.51.100.9")
    assert "Te veel inlogpogingen" in refused.content.decode()
