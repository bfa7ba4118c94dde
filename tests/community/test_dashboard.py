import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_teacher_sees_their_school_and_role(login, teacher):
    response = login(teacher).get(reverse("dashboard"))
    assert response.status_code == 200
    assert "Zuiderpark College" in response.content.decode()
    assert "Docent" in response.content.decode()


def test_home_page_is_public_and_dutch(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
