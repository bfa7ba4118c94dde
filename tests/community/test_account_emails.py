"""Account emails are ours: Dutch, TechniekHub, SITE_URL links, sent by the task worker."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

SITE = "https://techniekhub.example.org"


@override_settings(SITE_URL=SITE)
def test_password_reset_email_is_dutch_with_a_site_url_link(client, teacher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "teacher@example.org"}, HTTP_HOST="127.0.0.1:8101")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("TechniekHub: ")
    assert "Beste Sanne," in message.body
    assert "Kies een nieuw wachtwoord via deze link" in message.body
    assert "127.0.0.1" not in message.body
    assert re.search(rf"{re.escape(SITE)}/accounts/password/reset/key/\S+", message.body)


def test_the_email_is_sent_by_the_task_worker(client, teacher, django_capture_on_commit_callbacks):
    from unittest import mock

    with mock.patch("community.tasks.accounts.send_account_email") as task:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("account_reset_password"), {"email": "teacher@example.org"})
    enqueue = task.enqueue
    assert enqueue.call_count == 1
    assert enqueue.call_args.kwargs["to"] == ["teacher@example.org"]
    assert len(mail.outbox) == 0  # nothing sent by the web process


def test_unknown_address_is_told_hr_invites_and_gets_no_sign_up_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "bestaat geen account" in body
    assert "HR van je school" in body
    assert "signup" not in body and "/accounts/" not in body


def test_password_change_notification_is_dutch(client, teacher, django_capture_on_commit_callbacks):
    client.post(reverse("account_login"), {"login": "teacher@example.org", "password": "correct-horse-battery"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_change_password"), {
            "oldpassword": "correct-horse-battery", "password1": "een-heel-nieuw-wachtwoord", "password2": "een-heel-nieuw-wachtwoord",
        })
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Deze wijziging is zojuist in je TechniekHub-account gedaan" in mail.outbox[0].body
    assert "Je wachtwoord is gewijzigd." in mail.outbox[0].body


def test_password_change_errors_say_je(client, teacher):
    client.post(reverse("account_login"), {"login": "teacher@example.org", "password": "correct-horse-battery"})
    response = client.post(reverse("account_change_password"), {
        "oldpassword": "wrong-old-password", "password1": "12345678901234", "password2": "12345678901234",
    })
    html = response.content.decode()
    assert "Uw " not in html and " uw " not in html
