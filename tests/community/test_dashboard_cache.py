"""Dashboard panels are cached per person and renewed by the writes that change them."""

import pytest
from django.urls import reverse

from tests.portfolios.factories_authorisation import hold

pytestmark = pytest.mark.django_db


def test_a_second_visit_is_served_from_the_cache_with_few_queries(login, teacher, django_assert_max_num_queries,
                                                                  built_statuses):
    built_statuses()  # building the stored statuses (once per database) renews the panels that read them
    client = login(teacher)
    client.get(reverse("dashboard"))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert "Zuiderpark College" in response.content.decode()


def test_a_new_qualification_shows_on_the_next_visit(login, teacher):
    client = login(teacher)
    before = client.get(reverse("dashboard")).content.decode()
    assert "Bevoegd" not in before.replace("Bevoegdheid", "").replace("bevoegdheid", "")
    hold(teacher, direct="PIE")  # a write the authorisation panel reads
    after = client.get(reverse("dashboard")).content.decode()
    assert after != before


def test_a_membership_ended_elsewhere_changes_the_panel(login, teacher):
    client = login(teacher)
    assert "Zuiderpark College" in client.get(reverse("dashboard")).content.decode()
    membership = teacher.memberships.get()
    membership.profiles.clear()  # many-to-many writes bump the versions too
    membership.delete()
    teacher = type(teacher).objects.get(pk=teacher.pk)
    assert "Zuiderpark College" not in login(teacher).get(reverse("dashboard")).content.decode()


def test_panels_of_one_person_are_not_shown_to_another(login, teacher, other_teacher):
    login(teacher).get(reverse("dashboard"))
    page = login(other_teacher).get(reverse("dashboard")).content.decode()
    assert teacher.first_name not in page or teacher.first_name == other_teacher.first_name


def test_a_portfolio_entry_renews_only_its_owners_panels(teacher, colleague, django_assert_max_num_queries,
                                                          built_statuses):
    """Issue 13: a million entries are written across the country; each renews its owner's panels only."""
    from django.test import Client

    from portfolios.models import PortfolioEntry

    built_statuses()
    mine, theirs = Client(), Client()
    mine.force_login(teacher)
    theirs.force_login(colleague)
    mine.get(reverse("dashboard"))
    theirs.get(reverse("dashboard"))
    with django_assert_max_num_queries(4) as cached:  # the person, memberships, unread count: no panel
        theirs.get(reverse("dashboard"))
    entry = PortfolioEntry.objects.create(owner=teacher, title="Lesbezoek lassen", text="Verslag.")
    entry.goals.set([])  # many-to-many writes of an entry are its owner's too
    with django_assert_max_num_queries(len(cached)):
        theirs.get(reverse("dashboard"))  # still cached
    assert "Lesbezoek lassen" in mine.get(reverse("dashboard")).content.decode()  # renewed at once
