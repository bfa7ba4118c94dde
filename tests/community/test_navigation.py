"""The header names each role's main destinations (Menu and one tap on a phone); each opens."""

import pytest
from django.urls import reverse

from community.navigation import main_destinations

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["teacher", "team_leader", "hr", "company_mentor", "trainee", "hub_staff"])
def test_every_main_destination_in_the_header_opens(persona, login, name):
    person = persona(name)
    client = login(person)
    links = main_destinations(person)
    assert links, f"{name} has main destinations"
    html = client.get(reverse("dashboard")).content.decode()
    for label, url in links:
        assert f'href="{url}"' in html, (label, url)
        assert client.get(url).status_code == 200, (name, url)


def test_hr_reaches_people_and_the_overview(persona):
    labels = [str(label) for label, _ in main_destinations(persona("hr"))]
    assert labels[:2] == ["Mensen", "Overzicht bevoegdheden"]
