"""What a hub editor meets in the CMS: the author list, the dashboard, read-only registrations."""

import pytest
from django.urls import reverse

from community.models import ErasureRequest, Role
from community.scheduling import run_due_jobs
from tests.conftest import _member
from tests.courses.factories_studydays import make_study_day, register
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_author_list_shows_writers_with_their_organisation(login, hub_staff, teacher):
    from community.models import ArticleIndexPage, ArticlePage, HomePage
    from community.wagtail_groups import ensure_hub_editors_group

    index = ArticleIndexPage(title="Artikelen", slug="artikelen")
    HomePage.objects.first().add_child(instance=index)
    for org in ("TechniekHub", "Hub Zuid"):
        person = _member(Role.HUB_STAFF, OrganisationFactory(name=org, kind="hub"), first_name="Wouter", last_name="Koster")
        person.groups.add(ensure_hub_editors_group())
    url = reverse("wagtailadmin_pages:add", args=["community", ArticlePage._meta.model_name, index.pk])
    html = login(hub_staff).get(url).content.decode()
    assert "Wouter Koster (TechniekHub)" in html and "Wouter Koster (Hub Zuid)" in html
    assert teacher.get_full_name() not in html  # teachers do not write articles


def test_the_cms_dashboard_shows_hub_staff_what_needs_them(login, hub_staff, teacher, colleague):
    day = make_study_day(title="Studiedag robotica", capacity=1)
    register(day, teacher)
    register(day, colleague, status="waitlisted")
    ErasureRequest.objects.create(person=colleague, reason="Ik stop als docent.")
    run_due_jobs()
    html = login(hub_staff).get(reverse("wagtailadmin_home")).content.decode()
    assert "Komende studiedagen" in html and "Studiedag robotica" in html
    assert "1 van 1 plaatsen bezet, 1 op de wachtlijst" in html
    assert "Open verwijderverzoeken" in html and colleague.get_full_name() in html
    assert "Pagina&#x27;s ter beoordeling" in html or "Pagina's ter beoordeling" in html
    assert "Terugkerende taken" in html and "Geplande publicatie van pagina" in html


def test_registrations_are_read_only_in_the_admin_with_a_link_to_the_participants_page(login, hub_staff, teacher):
    day = make_study_day()
    registration = register(day, teacher)
    client = login(hub_staff)
    listing = client.get(reverse("studyday_registrations:index"))
    assert listing.status_code == 200
    assert reverse("courses:studyday_participants", args=[day.pk]) in listing.content.decode()
    assert client.get(reverse("studyday_registrations:edit", args=[registration.pk])).status_code in (302, 403)
    client.post(reverse("studyday_registrations:edit", args=[registration.pk]), {"status": "cancelled"})
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert client.get(reverse("studyday_registrations:inspect", args=[registration.pk])).status_code == 200


def test_the_inventory_page_links_to_the_conversion_table(login, hub_staff):
    html = login(hub_staff).get(reverse("portfolios:authorisation_inventory")).content.decode()
    assert reverse("conversion_rules:index") in html
