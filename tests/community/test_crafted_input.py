"""No server error for anything a user can send: `next`, huge numbers, odd digits."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from tests.portfolios.factories_authorisation import hold

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", ["ñññ", "[]", "https://evil.example/", "//evil.example/x", "javascript:alert(1)", " "])
def test_tag_follow_with_a_strange_next_goes_back_to_the_forum(login, teacher, target):
    Tag.objects.create(name="lassen", slug="lassen")
    response = login(teacher).post(reverse("community:forum_tag_follow", args=["lassen"]), {"next": target})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("community:forum_list"))


def test_tag_follow_keeps_a_safe_next(login, teacher):
    Tag.objects.create(name="lassen", slug="lassen")
    response = login(teacher).post(reverse("community:forum_tag_follow", args=["lassen"]), {"next": "/dashboard/"})
    assert response["Location"] == "/dashboard/"


def test_record_verify_does_not_redirect_to_another_site(login, hr, teacher):
    record = hold(teacher, "Metaaltechniek", verified=False)
    url = reverse("portfolios:authorisation_record_verify", args=[record.pk])
    response = login(hr).post(url, {"next": "https://evil.example/phish"})
    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:authorisation_person", args=[teacher.pk])


@pytest.mark.parametrize("query", ["year=9999999999999999999999", "year=²", "year=0", "year=-1", "page=9999999999999999999999", "page=abc"])
def test_figures_with_odd_numbers_show_a_normal_page(login, hub_staff, query):
    assert login(hub_staff).get(reverse("courses:learning_figures") + "?" + query).status_code == 200


@pytest.mark.parametrize("path", [
    "/community/people/99999999999999999999999/",
    "/community/forum/99999999999999999999999/",
    "/dossier/portfolio/99999999999999999999999/",
    "/learning/enrolments/99999999999999999999999/",
])
def test_an_id_larger_than_any_column_is_a_404(login, teacher, path):
    assert login(teacher).get(path).status_code == 404


@pytest.mark.parametrize("query", ["goal=²", "goal=99999999999999999999999", "goal=1e3"])
def test_new_portfolio_entry_with_an_odd_goal(login, teacher, query):
    assert login(teacher).get(reverse("portfolios:entry_create") + "?" + query).status_code == 200


@pytest.mark.parametrize("query", ["year=²", "year=99999999999999", "course=²", "course=99999999999999999999999"])
def test_intake_list_and_form_with_odd_numbers(login, hub_staff, query):
    client = login(hub_staff)
    assert client.get(reverse("courses:intake_list") + "?" + query).status_code in (200, 404)
    assert client.get(reverse("courses:intake_apply") + "?" + query).status_code in (200, 404)
