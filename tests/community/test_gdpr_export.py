"""Mijn gegevens: the JSON export holds the person's data from all three apps and nobody else's."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portfolios.models import DevelopmentPlan, StaffRecord
from tests.community.factories_forum import AnswerFactory, CommentFactory, PostFactory
from tests.courses.factories_programmes import (
    AssessmentFactory,
    CoachingFactory,
    EnrolmentFactory,
    IntakeApplicationFactory,
)
from tests.courses.factories_studydays import make_offer, make_placement, make_study_day, register
from tests.portfolios.factories_authorisation import hold
from tests.portfolios.factories_dossier import (
    ActivityFactory,
    EntryFactory,
    GoalFactory,
    PlanFactory,
    attachment_for,
)

URL = reverse("community:my_data_download")


def _fill(person, n, *, prefix, company=None):
    """n records of each kind for `person`, their texts starting with `prefix`."""
    for i in range(n):
        post = PostFactory(author=person, title=f"{prefix} vraag {i}")
        AnswerFactory(author=person, post=post, body=f"<p>{prefix} antwoord {i}</p>")
        CommentFactory(author=person, body=f"{prefix} opmerking {i}")
        entry = EntryFactory(owner=person, title=f"{prefix} reflectie {i}")
        attachment_for(entry, image=False)
        enrolment = EnrolmentFactory(person=person)
        AssessmentFactory(enrolment=enrolment, feedback=f"{prefix} vrijgegeven", released_at=timezone.now())
        AssessmentFactory(enrolment=enrolment, feedback=f"{prefix} concept-oordeel")
        CoachingFactory(enrolment=enrolment, focus=f"{prefix} coaching {i}")
        register(make_study_day(), person)
        IntakeApplicationFactory(email=person.email, motivation=f"{prefix} motivatie {i}")
    if company is not None:
        make_placement(make_offer(company, title=f"{prefix} stage"), person)
    plan = DevelopmentPlan.objects.filter(person=person).first() or PlanFactory(person=person)
    goal = GoalFactory(plan=plan, title=f"{prefix} leerdoel")
    ActivityFactory(goal=goal, description=f"{prefix} cursus")


@pytest.fixture
def filled(teacher, colleague, other_teacher, school, other_school, company):
    _fill(teacher, 1, prefix="MIJN", company=company)
    hold(teacher, direct="PIE")
    StaffRecord.objects.create(person=teacher, school=school, leaving_on=timezone.localdate().replace(year=2040))
    _fill(colleague, 1, prefix="COLLEGA", company=company)
    hold(other_teacher, direct="D&P")
    return teacher


def _export(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response, json.loads(response.content)


def _collected(person) -> dict:
    """The structure behind the download (field names), for checking what is in it."""
    from django.core.serializers.json import DjangoJSONEncoder

    from community.personal_data import collect

    return json.loads(json.dumps(collect(person), cls=DjangoJSONEncoder))


def test_download_uses_readable_dutch_labels_not_field_names(filled, login):
    _response, data = _export(login(filled))
    parts = data["Jouw gegevens"]
    assert "Geëxporteerd op" in data
    plans = parts["Persoonlijke ontwikkelplannen met leerdoelen, activiteiten en verloop"]
    assert plans[0]["Schooljaar"] and plans[0]["Status"] == "Concept"
    assert "school_year" not in json.dumps(data) and "person_id" not in json.dumps(data)


def test_export_is_one_json_attachment_with_data_from_all_three_apps(filled, login):
    response, data = _export(login(filled))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"].startswith("application/json")
    parts = _collected(filled)
    assert {key.split(".")[0] for key in parts} == {"community", "portfolios", "courses"}
    assert parts["community.profile"]["data"]["email"] == "teacher@example.org"
    assert "password" not in parts["community.profile"]["data"]
    assert [p["title"] for p in parts["community.forum"]["data"]["posts"]] == ["MIJN vraag 0"]
    assert parts["community.memberships"]["data"][0]["organisation__name"] == "Zuiderpark College"
    # portfolios: the qualification with its history, the HR staff record's leaving date, files by name
    records = parts["portfolios.qualifications"]["data"]["records"]
    assert [r["direct_profile__code"] for r in records] == ["PIE"]
    assert records[0]["history"], "the audit history of the record is part of the export"
    assert parts["portfolios.staff_records"]["data"][0]["leaving_on"].startswith("2040-")
    entry = parts["portfolios.entries"]["data"][0]
    assert entry["title"] == "MIJN reflectie 0" and entry["attachments"][0].endswith(".pdf")
    assert parts["portfolios.plans"]["data"][0]["goals"][0]["activities"][0]["description"] == "MIJN cursus"
    # courses: released assessment in full, unreleased only as "in progress"
    enrolment = parts["courses.programmes"]["data"][0]
    released = [a for a in enrolment["assessments"] if a.get("released_at")]
    pending = [a for a in enrolment["assessments"] if a.get("status") == "in progress"]
    assert released[0]["feedback"] == "MIJN vrijgegeven"
    assert len(pending) == 1 and "feedback" not in pending[0]
    assert enrolment["coaching_sessions"][0]["focus"] == "MIJN coaching 0"
    assert parts["courses.intake"]["data"][0]["motivation"] == "MIJN motivatie 0"
    assert parts["courses.internships"]["data"]["placements"]
    assert len(parts["courses.study_days"]["data"]["registrations"]) == 1
    assert parts["courses.study_days"]["data"]["calendar_feed_exists"] is False


def test_export_holds_nothing_of_another_person(filled, login):
    response, _data = _export(login(filled))
    text = response.content.decode()
    assert "MIJN" in text
    for foreign in ("COLLEGA", "colleague@example.org", "D&P", "concept-oordeel", "other@example.org"):
        assert foreign not in text


def test_export_leaves_out_secret_tokens(teacher, login):
    from courses.models import CalendarFeed

    feed = CalendarFeed.objects.create(person=teacher)
    response, _data = _export(login(teacher))
    assert _collected(teacher)["courses.study_days"]["data"]["calendar_feed_exists"] is True
    assert feed.token not in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    for name in ("community:my_data", "community:my_data_download"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and reverse("account_login") in response["Location"]


def _count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_export_queries_do_not_grow_with_the_data(teacher, company, login):
    client = login(teacher)
    _fill(teacher, 1, prefix="A", company=company)
    small = _count_queries(client)
    _fill(teacher, 4, prefix="B", company=company)
    large = _count_queries(client)
    assert small == large
    assert len(_collected(teacher)["community.forum"]["data"]["posts"]) == 5


def test_my_data_page_explains_and_links(teacher, login):
    response = login(teacher).get(reverse("community:my_data"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Mijn gegevens" in content
    assert reverse("community:my_data_download") in content
    assert reverse("portfolios:export") in content
    assert "Verzoek om verwijdering" in content


def test_dashboard_and_profile_edit_link_to_my_data(teacher, login):
    client = login(teacher)
    for name in ("dashboard", "community:profile_edit"):
        assert reverse("community:my_data") in client.get(reverse(name)).content.decode()
