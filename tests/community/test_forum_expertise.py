"""Expertise as normalised tags: spelling variants meet in the directory; suggestions while typing."""

import importlib

import pytest
from django.apps import apps as global_apps
from django.urls import reverse
from taggit.models import Tag

from community.expertise import add_expertise, suggestions, tag_key
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _listed(**kwargs):
    from tests.factories import MembershipFactory

    person = PersonFactory(listed_in_directory=True, **kwargs)
    MembershipFactory(person=person)
    return person


def _names(client, q):
    page = client.get(reverse("community:forum_directory"), {"expertise": q}).context["page_obj"]
    return {p.last_name for p in page}


def test_keys_ignore_case_hyphens_spaces_accents_and_known_typos():
    assert tag_key("PLC programmeren") == tag_key("plc-programmeren") == tag_key(" PLC  Programmeren ")
    assert tag_key("Differentiëren") == "differentieren"
    assert tag_key("lasen") == tag_key("Lassen") == "lassen"


def test_spelling_variants_meet_in_the_directory(login, teacher):
    a = _listed(last_name="Spatie")
    b = _listed(last_name="Streepje")
    c = _listed(last_name="Lasser")
    add_expertise(a, "PLC programmeren")
    add_expertise(b, "plc-programmeren")
    add_expertise(c, "lasen")
    assert Tag.objects.filter(slug="plc-programmeren").count() == 1 and not Tag.objects.filter(name="lasen").exists()
    client = login(teacher)
    for q in ("PLC programmeren", "plc-programmeren", "PLC", "programmeren"):
        assert _names(client, q) == {"Spatie", "Streepje"}, q
    assert _names(client, "lassen") == {"Lasser"}


def test_the_directory_also_searches_bios_and_profiles(login, teacher):
    _listed(last_name="Bio", bio="Ik geef les in zonnepanelen en domotica.")
    client = login(teacher)
    assert _names(client, "domotica") == {"Bio"}


def test_the_profile_form_normalises_expertise(login, teacher):
    other = _listed(last_name="Eerder")
    add_expertise(other, "PLC-programmeren")
    client = login(teacher)
    client.post(reverse("community:profile_edit"), {
        "first_name": teacher.first_name, "last_name": teacher.last_name, "bio": "",
        "expertise": "plc programmeren, Lasen", "listed_in_directory": "on",
    })
    assert sorted(teacher.expertise.values_list("slug", flat=True)) == ["lassen", "plc-programmeren"]


def test_suggestions_while_typing(login, teacher):
    add_expertise(_listed(last_name="A"), "PLC-programmeren", "Pneumatiek")
    add_expertise(_listed(last_name="B"), "plc programmeren")
    assert suggestions("pl") == ["PLC-programmeren"]
    client = login(teacher)
    url = reverse("community:forum_expertise_suggestions")
    assert client.get(url, {"q": "pn"}).json() == {"suggestions": ["Pneumatiek"]}
    html = client.get(url, {"expertise": "plc"}, HTTP_HX_REQUEST="true").content.decode()
    assert '<option value="PLC-programmeren">' in html
    assert client.get(url, {"q": ""}).json() == {"suggestions": []}
    directory = client.get(reverse("community:forum_directory")).content.decode()
    assert 'list="expertise-options"' in directory and 'id="expertise-options"' in directory


def test_the_data_migration_merges_existing_free_text_expertise(django_db_blocker):
    a, b, c = PersonFactory(), PersonFactory(), PersonFactory()
    a.expertise.add("PLC-programmeren")
    b.expertise.add("PLC programmeren", "lasen")
    c.expertise.add("Lassen")
    migration = importlib.import_module("community.migrations.0015_normalise_expertise_tags")
    migration.normalise(global_apps, None)
    for person in (a, b):
        assert "plc-programmeren" in person.expertise.values_list("slug", flat=True)
    assert list(b.expertise.order_by("slug").values_list("slug", flat=True)) == ["lassen", "plc-programmeren"]
    assert list(c.expertise.values_list("slug", flat=True)) == ["lassen"]
    assert Tag.objects.filter(slug__startswith="plc-programmeren").count() == 1 or Tag.objects.get(slug="plc-programmeren")
