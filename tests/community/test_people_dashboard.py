"""The dashboard's "me" panel per role, and the query-count guards of the main pages."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from community.models import ArticleIndexPage, ArticlePage, HomePage
from tests.conftest import DASHBOARD_MAX_QUERIES
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_teacher_is_asked_to_complete_the_profile(login, teacher):
    html = login(teacher).get(reverse("dashboard")).content.decode()
    assert "Maak je profiel compleet" in html
    assert reverse("community:profile_edit") in html
    assert reverse("community:school_people") not in html
    assert reverse("community:invitation_create") not in html
    assert "/admin/" not in html


def test_hr_is_offered_people_management_and_invitations(login, hr):
    html = login(hr).get(reverse("dashboard")).content.decode()
    assert reverse("community:school_people") in html
    assert reverse("community:invitation_create") in html
    assert "P&amp;O" in html and "Zuiderpark College" in html


def test_hub_staff_is_offered_the_cms_and_invitations(login, hub_staff):
    html = login(hub_staff).get(reverse("dashboard")).content.decode()
    assert reverse("wagtailadmin_home") in html
    assert reverse("community:invitation_create") in html
    assert reverse("community:school_people") not in html


def test_trainee_sees_both_organisations(login, trainee):
    html = login(trainee).get(reverse("dashboard")).content.decode()
    assert "Stedin" in html and "Zuiderpark College" in html


@pytest.mark.parametrize("extra", [1, 12])
def test_dashboard_query_count_is_fixed(login, teacher, school, extra, django_assert_max_num_queries, built_statuses):
    # More memberships and tags must not add queries to the panels.
    for n in range(extra):
        MembershipFactory(person=teacher, organisation=school, profiles=["PIE"])
        teacher.expertise.add(f"onderwerp {n}")
    client = login(teacher)
    built_statuses()
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        assert client.get(reverse("dashboard")).status_code == 200


def _article_index():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Home", slug="home-test"))
    index = ArticleIndexPage(title="Artikelen", slug="artikelen-test")
    home.add_child(instance=index)
    return index


@pytest.mark.parametrize("count", [3, 25])
def test_article_index_query_count_is_fixed(client, count, django_assert_max_num_queries):
    from datetime import date

    index = _article_index()
    for n in range(count):
        article = ArticlePage(title=f"Artikel {n}", date=date(2026, 1, 1 + n % 28), summary="Kort.")
        index.add_child(instance=article)
        article.tags.add(f"tag{n % 4}")
        article.save_revision().publish()
    with django_assert_max_num_queries(25):
        response = client.get(index.url)
    assert response.status_code == 200
    assert "Artikel" in response.content.decode()


def test_article_index_filters_by_tag(client):
    from datetime import date

    index = _article_index()
    for n, tag in enumerate(["lassen", "robotica"]):
        article = ArticlePage(title=f"Over {tag}", date=date(2026, 2, 1 + n))
        index.add_child(instance=article)
        article.tags.add(tag)
        article.save_revision().publish()
    html = client.get(index.url + "?tag=robotica").content.decode()
    assert "Over robotica" in html
    assert "Over lassen" not in html


def test_person_factory_is_importable():
    assert PersonFactory is not None
