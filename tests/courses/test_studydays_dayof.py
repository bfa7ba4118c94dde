"""Material privacy, calendar feed, check-in with evidence, export, feedback, listing, figures."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    MaterialAudience,
    RegistrationStatus,
    StudyDayFeedback,
    StudyDayIndexPage,
    StudyDayPage,
)
from courses.services import studydays as services
from portfolios.models import EntryKind, PortfolioEntry
from tests.courses.factories_studydays import add_material, make_study_day, register
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_participant_only_material_is_refused_by_the_file_url(client, login, teacher, colleague, hub_staff):
    day = make_study_day()
    register(day, teacher)
    register(day, colleague, status=RegistrationStatus.WAITLISTED)
    private = add_material(day, audience=MaterialAudience.PARTICIPANTS, title="Werkblad")
    public = add_material(day, audience=MaterialAudience.PUBLIC, title="Programma")
    assert client.get(public.url).status_code == 200
    anonymous = client.get(private.url)
    assert anonymous.status_code == 302 and reverse("account_login") in anonymous["Location"]
    assert login(colleague).get(private.url).status_code == 403  # on the waitlist is not a participant
    assert login(teacher).get(private.url).status_code == 200
    assert login(hub_staff).get(private.url).status_code == 200


def test_page_lists_participant_material_only_to_participants(login, teacher, colleague):
    day = make_study_day()
    register(day, teacher)
    add_material(day, audience=MaterialAudience.PARTICIPANTS, title="Werkblad robotica")
    assert "Werkblad robotica" in login(teacher).get(day.url).content.decode()
    assert "Werkblad robotica" not in login(colleague).get(day.url).content.decode()


def test_calendar_feed_lists_own_registrations_and_can_be_revoked(client, login, teacher, colleague):
    mine = make_study_day(title="Mijn studiedag")
    other = make_study_day(title="Andermans studiedag")
    register(mine, teacher)
    register(other, colleague)
    feed = services.calendar_feed_regenerate(person=teacher)
    url = reverse("courses:studyday_calendar_feed", args=[feed.token])
    body = client.get(url).content.decode()
    assert "Mijn studiedag" in body and "Andermans studiedag" not in body
    login(teacher).post(reverse("courses:studyday_calendar"), {"action": "regenerate"})
    assert client.get(url).status_code == 404
    new = services.calendar_feed_for(teacher)
    login(teacher).post(reverse("courses:studyday_calendar"), {"action": "revoke"})
    assert client.get(reverse("courses:studyday_calendar_feed", args=[new.token])).status_code == 404


def test_bulk_check_in_records_and_withdraws_portfolio_evidence(login, teacher, colleague, hub_staff):
    day = make_study_day(days_ahead=0)
    a, b = register(day, teacher), register(day, colleague)
    client = login(hub_staff)
    url = reverse("courses:studyday_checkin", args=[day.pk])
    response = client.post(url, {"action": "present", "registration": [a.pk, b.pk]})
    assert response.status_code == 302
    entry = PortfolioEntry.objects.get(owner=teacher)
    assert entry.kind == EntryKind.STUDY_DAY_ATTENDANCE and entry.hours == day.credited_hours
    assert entry.source_key == f"courses.studyday-registration:{a.pk}"
    client.post(url, {"toggle": f"{a.pk}:clear"})
    assert not PortfolioEntry.objects.filter(owner=teacher).exists()
    assert PortfolioEntry.objects.filter(owner=colleague).exists()


def test_check_in_toggle_with_htmx_returns_the_row(login, teacher, hub_staff):
    day = make_study_day(days_ahead=0)
    a = register(day, teacher)
    response = login(hub_staff).post(
        reverse("courses:studyday_checkin", args=[day.pk]), {"toggle": f"{a.pk}:present"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="reg-{a.pk}"') and "aanwezig" in html


def test_attendance_cannot_be_marked_before_the_day(login, teacher, hub_staff):
    day = make_study_day(days_ahead=3)
    a = register(day, teacher)
    login(hub_staff).post(reverse("courses:studyday_checkin", args=[day.pk]), {"action": "present", "registration": [a.pk]})
    a.refresh_from_db()
    assert a.attended is None and not PortfolioEntry.objects.exists()


def test_participant_export_csv_and_xlsx(login, teacher, hub_staff):
    day = make_study_day()
    register(day, teacher)
    client = login(hub_staff)
    url = reverse("courses:studyday_participants_export", args=[day.pk])
    csv = client.get(url).content.decode("utf-8-sig")
    assert "de Vries" in csv and "teacher@example.org" in csv and "Zuiderpark College" in csv
    xlsx = client.get(url + "?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("url_name", ["courses:studyday_checkin", "courses:studyday_participants"])
def test_hub_lists_run_a_fixed_number_of_queries(url_name, login, hub_staff, school, django_assert_max_num_queries):
    from tests.factories import MembershipFactory

    day = make_study_day(days_ahead=0, capacity=500, workshops=[("W", timezone.now().time().replace(hour=10), timezone.now().time().replace(hour=11), 100)])
    workshop = day.workshops.get()
    client = login(hub_staff)
    for size in (3, 40):
        for _ in range(size):
            person = PersonFactory()
            MembershipFactory(person=person, organisation=school)
            register(day, person, workshops=[workshop], attended=True)
        with django_assert_max_num_queries(12):
            assert client.get(reverse(url_name, args=[day.pk])).status_code == 200


def test_feedback_after_the_day_is_aggregated_for_hub_staff(login, teacher, colleague, hub_staff):
    day = make_study_day(days_ahead=-1)
    a, b = register(day, teacher, attended=True), register(day, colleague, attended=True)
    login(teacher).post(reverse("courses:studyday_feedback", args=[a.pk]), {"rating": 5, "comments": "Top"})
    login(colleague).post(reverse("courses:studyday_feedback", args=[b.pk]), {"rating": 2, "comments": ""})
    html = login(hub_staff).get(reverse("courses:studyday_feedback_summary", args=[day.pk])).content.decode()
    assert "3,5" in html and "Top" in html
    assert "de Vries" not in html  # aggregated, no names


def test_feedback_is_closed_before_the_day(login, teacher):
    day = make_study_day(days_ahead=5)
    a = register(day, teacher)
    login(teacher).post(reverse("courses:studyday_feedback", args=[a.pk]), {"rating": 5})
    assert not StudyDayFeedback.objects.exists()


def test_listing_splits_upcoming_and_past_and_filters(client, login, teacher):
    make_study_day(title="Robotica-dag", profiles=["MVI"], tags=["robotica"])
    make_study_day(title="Bouwdag", profiles=["BWI"], tags=["bouw"])
    make_study_day(title="Oude dag", days_ahead=-40)
    make_study_day(title="Concept", live=False)
    index = StudyDayIndexPage.objects.get()
    html = client.get(index.url).content.decode()
    assert "Robotica-dag" in html and "Bouwdag" in html and "Oude dag" in html and "Concept" not in html
    filtered = client.get(index.url + "?profile=MVI").content.decode()
    assert "Robotica-dag" in filtered and "Bouwdag" not in filtered
    tagged = client.get(index.url + "?tag=bouw").content.decode()
    assert "Bouwdag" in tagged and "Robotica-dag" not in tagged


def test_figures_count_per_school_in_fixed_queries(login, hub_staff, teacher, colleague, other_teacher, django_assert_max_num_queries):
    day = make_study_day(days_ahead=-1, date=timezone.localdate() - timedelta(days=1))
    register(day, teacher, attended=True)
    register(day, colleague, attended=False)
    register(day, other_teacher)
    client = login(hub_staff)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("courses:learning_figures") + f"?year={day.date.year}")
    figures = response.context["schools"]
    zuiderpark = next(s for s in figures if s["organisation__name"] == "Zuiderpark College")
    assert (zuiderpark["registrations"], zuiderpark["attended"], zuiderpark["no_shows"]) == (2, 1, 1)
    assert "de Vries" not in response.content.decode()


def test_page_model_rules_and_the_editor_opens_for_hub_staff(login, hub_staff):
    assert StudyDayIndexPage.parent_page_types == ["community.HomePage"]
    assert StudyDayPage.parent_page_types == ["courses.StudyDayIndexPage"]
    day = make_study_day()
    response = login(hub_staff).get(reverse("wagtailadmin_pages:edit", args=[day.pk]))
    assert response.status_code == 200
    assert "Workshops" in response.content.decode() or "workshops" in response.content.decode()
