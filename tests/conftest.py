"""Personas shared by every test module (see STYLE.md): a teacher, a colleague at the same
school, a teacher at another school, HR of that school, HR of another school, a team leader,
a company mentor, a trainee, hub staff and anonymous."""

import os

import pytest

from community.models import Role

from .factories import (
    CompanyFactory,
    HubFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    TeamFactory,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache (LocMem, or the Redis of TEST_CACHE_URL in CI):
    cached dashboard panels and rate-limit counters must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Zuiderpark College", brin="20AE")


@pytest.fixture
def other_school(db):
    return OrganisationFactory(name="Avicenna College", brin="20AA")


@pytest.fixture
def company(db):
    return CompanyFactory(name="Stedin")


@pytest.fixture
def hub(db):
    return HubFactory()


@pytest.fixture
def team(school):
    return TeamFactory(organisation=school, name="Techniek")


def _member(role, organisation, team=None, profiles=(), **person_fields):
    person = PersonFactory(**person_fields)
    MembershipFactory(person=person, organisation=organisation, role=role, team=team, profiles=list(profiles))
    return person


@pytest.fixture
def teacher(school, team):
    return _member(Role.TEACHER, school, team, ["PIE", "BWI"], email="teacher@example.org", first_name="Sanne", last_name="de Vries")


@pytest.fixture
def colleague(school, team):
    return _member(Role.TEACHER, school, team, ["PIE"], email="colleague@example.org", first_name="Bas", last_name="Bakker")


@pytest.fixture
def other_teacher(other_school):
    return _member(Role.TEACHER, other_school, None, ["D&P"], email="other@example.org", first_name="Esra", last_name="Kaya")


@pytest.fixture
def team_leader(school, team):
    return _member(Role.TEAM_LEADER, school, team, email="leader@example.org", first_name="Mirjam", last_name="Smit")


@pytest.fixture
def hr(school):
    return _member(Role.HR, school, email="hr@example.org", first_name="Joyce", last_name="Visser")


@pytest.fixture
def other_hr(other_school):
    return _member(Role.HR, other_school, email="hr-other@example.org", first_name="Kees", last_name="Bos")


@pytest.fixture
def company_mentor(company):
    return _member(Role.COMPANY_MENTOR, company, email="mentor@example.org", first_name="Gerrit", last_name="Mulder")


@pytest.fixture
def trainee(company, school):
    person = _member(Role.TRAINEE, company, email="trainee@example.org", first_name="Rachid", last_name="El Amrani")
    MembershipFactory(person=person, organisation=school, role=Role.TRAINEE)
    return person


@pytest.fixture
def hub_staff(hub):
    from community.wagtail_groups import ensure_hub_editors_group

    person = _member(Role.HUB_STAFF, hub, email="hubstaff@example.org", first_name="Vera", last_name="Dijkstra", is_staff=True)
    person.groups.add(ensure_hub_editors_group())
    return person


@pytest.fixture
def login(client):
    """login(person) -> a client logged in as that person (None: anonymous)."""

    def _login(person):
        client.logout()
        if person is not None:
            client.force_login(person)
        return client

    return _login


PERSONAS = [
    "anonymous", "teacher", "colleague", "other_teacher", "team_leader", "hr", "other_hr",
    "company_mentor", "trainee", "hub_staff",
]


@pytest.fixture
def persona(request):
    """Resolve a persona name to a person (None for anonymous)."""

    def _persona(name):
        return None if name == "anonymous" else request.getfixturevalue(name)

    return _persona


# The dashboard renders every app's panels; each is cheap and none grows with the data, so
# the whole page stays under this whatever the number of records (tests use two sizes).
DASHBOARD_MAX_QUERIES = 30


@pytest.fixture
def built_statuses():
    """Marks the stored authorisation statuses as built, as `rebuild_statuses` or their first
    reader does once per database: query-count guards measure the pages after that. (Factories
    write through the model signals, which keep the stored rows right either way.)"""

    def build():
        from portfolios.services.status_store import ensure_fresh

        ensure_fresh()

    return build


MIGRATED_SNAPSHOT = {}


@pytest.fixture(scope="session", autouse=True)
def _migrated_snapshot(django_db_setup, django_db_blocker):
    """The rows migrations create (vmbo profiles, the conversion table, Wagtail's tree),
    serialised once before any test runs, for live-server tests to restore after a flush
    (see tests/e2e/conftest.py)."""
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memory" in name):
        return  # no test selected needs the database, so none was set up
    data = getattr(connection, "_test_serialized_contents", None)
    if data is None:
        with django_db_blocker.unblock():
            data = connection.creation.serialize_db_to_string()
    MIGRATED_SNAPSHOT["data"] = data


def restore_migrated_rows():
    """Empty every table and put back the rows migrations created, with the same ids.

    For live-server tests, whose connection lacks pytest-django's snapshot. On PostgreSQL the
    sequences are moved past the restored ids, or the next insert would collide with them."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(MIGRATED_SNAPSHOT["data"])
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
