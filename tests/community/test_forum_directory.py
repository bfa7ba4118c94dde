"""Who knows about this? The member directory and member pages."""

import pytest
from django.urls import reverse

from tests.factories import profile

from .factories_forum import AnswerFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(teacher, other_teacher):
    for person, tags in ((teacher, ["lassen", "CNC"]), (other_teacher, ["robotica"])):
        person.listed_in_directory = True
        person.save()
        person.expertise.add(*tags)
    return teacher, other_teacher


def _names(client, **params):
    return [str(p) for p in client.get(reverse("community:forum_directory"), params).context["page_obj"]]


def test_only_people_who_chose_to_be_listed_appear(login, listed, colleague):
    names = _names(login(colleague))
    assert names == ["Esra Kaya", "Sanne de Vries"]
    assert "Bas Bakker" not in names


def test_find_by_expertise_profile_and_school(login, listed, colleague, other_school):
    client = login(colleague)
    assert _names(client, expertise="lass") == ["Sanne de Vries"]
    assert _names(client, profile="D&P") == ["Esra Kaya"]
    assert _names(client, school=other_school.pk) == ["Esra Kaya"]
    assert profile("PIE")


def test_member_page_shows_public_contributions_and_a_follow_button(login, listed, teacher, colleague):
    PostFactory(author=teacher, title="Mijn ervaring met CNC", kind="experience")
    AnswerFactory(author=teacher, post=PostFactory(title="Vraag van een ander"))
    AnswerFactory(author=teacher, post=PostFactory(title="Verborgen antwoordvraag"), is_hidden=True)
    page = login(colleague).get(reverse("community:forum_member", args=[teacher.pk])).content.decode()
    assert "Mijn ervaring met CNC" in page and "Vraag van een ander" in page
    assert "Verborgen antwoordvraag" not in page
    assert "Volgen" in page


def test_an_unlisted_member_has_no_page_for_others(login, colleague, teacher):
    assert login(teacher).get(reverse("community:forum_member", args=[colleague.pk])).status_code == 404
