"""Erasure blanks the person's words in the dossier; the export is a document worth handing over."""

import io
import json
import zipfile
from decimal import Decimal

from django.urls import reverse

from community.models import ErasureRequest
from portfolios.models import LearningGoal, PlanEvent, PlanStatus, PortfolioEntry
from portfolios.services import export
from tests.portfolios.export_helpers import pdf_pages, pdf_text
from tests.portfolios.factories_authorisation import hold
from tests.portfolios.factories_dossier import (
    ActivityFactory,
    EntryFactory,
    GoalFactory,
    PlanFactory,
    ResponseFactory,
    ShowcaseFactory,
    attachment_for,
)


def test_anonymising_asks_first_then_blanks_the_dossier_and_locks_out_the_team_leader(
    login, teacher, team_leader, hub_staff
):
    plan = PlanFactory(person=teacher, status=PlanStatus.SUBMITTED, reflection="Mijn jaar als Sanne")
    goal = GoalFactory(plan=plan, title="Sanne wil beter lassen", why="Omdat Sanne het vak mist")
    ActivityFactory(goal=goal, description="Lascursus bij Sanne's oom", cost=Decimal("300"))
    PlanEvent.objects.create(plan=plan, actor=team_leader, to_status=plan.status, comment="Sanne, goed plan")
    entry = EntryFactory(owner=teacher, title="Dagboek van Sanne")
    attachment_for(entry)
    ResponseFactory(person=teacher, remarks="Sanne heeft vragen")
    request = ErasureRequest.objects.create(person=teacher)
    url = reverse("community:erasure_request_anonymise", args=[request.pk])

    step = login(hub_staff).post(url, {"note": "Afgehandeld"})
    body = step.content.decode()
    assert step.status_code == 200 and "Deze persoon anonimiseren?" in body and 'value="Afgehandeld"' in body
    teacher.refresh_from_db()
    assert teacher.is_active, "one click anonymises nobody"

    login(hub_staff).post(url, {"note": "Afgehandeld", "confirmed": "yes"})
    teacher.refresh_from_db()
    assert not teacher.is_active
    assert not PortfolioEntry.objects.filter(owner=teacher).exists()
    goal = LearningGoal.objects.get(plan=plan)
    texts = [goal.title, goal.why, goal.activities.get().description, PlanEvent.objects.filter(plan=plan).last().comment]
    plan.refresh_from_db()
    texts += [plan.reflection, teacher.needs_inventory_responses.get().remarks]
    assert not any("Sanne" in text for text in texts), texts
    assert goal.activities.get().cost == Decimal("300"), "the figures stay"
    assert login(team_leader).get(reverse("portfolios:plan_detail", kwargs={"pk": plan.pk})).status_code == 404


def test_my_data_and_the_export_page_link_each_other_and_say_the_same(login, teacher):
    client = login(teacher)
    my_data = client.get(reverse("community:my_data")).content.decode()
    export_page = client.get(reverse("portfolios:export")).content.decode()
    assert reverse("portfolios:export") in my_data and reverse("community:my_data") in export_page
    promise = "je portfolio-items, hun bestanden en je presentatielinks worden verwijderd"
    assert promise in my_data and promise in export_page


def test_pdf_holds_the_chosen_parts_with_cover_contents_dutch_numbers_and_page_numbers(login, teacher):
    hold(teacher, direct="PIE")
    plan = PlanFactory(person=teacher, status=PlanStatus.AGREED, budget=Decimal("1000"))
    ActivityFactory(goal=GoalFactory(plan=plan, title="Lassen TIG"), planned_hours=Decimal("12.5"), cost=Decimal("1500"))
    chosen = EntryFactory(owner=teacher, title="Gastles bij Stedin", hours=Decimal("24"))
    attachment_for(chosen)
    EntryFactory(owner=teacher, title="Niet gekozen item")
    ResponseFactory(person=teacher, submitted_at=plan.created_at, remarks="x")
    ShowcaseFactory(owner=teacher)
    query = {"chosen": "1", "qualifications": "on", "plans": [plan.pk], "hours": "on", "entries": [chosen.pk]}
    response = login(teacher).get(reverse("portfolios:export_pdf"), query)
    assert response.status_code == 200
    pages = pdf_pages(response.content)
    text = "\n".join(pages)
    assert "Bekwaamheidsdossier" in pages[0] and "Geëxporteerd uit TechniekHub op" in pages[0]
    assert "/dossier/showcase/" in pages[0] or "showcase" in pages[0]
    assert "Inhoud" in pages[1]
    assert "Gastles bij Stedin" in text and "Niet gekozen item" not in text
    assert "€ 1.500,00" in text.replace("\xa0", " ") and "12,5 uur" in text and "24 uur" in text
    assert "EUR" not in text and "Zelfbeoordelingen" not in text
    assert "pagina 2 van" in pages[1]
    # The private self-assessments only when chosen.
    query["self_assessments"] = "on"
    text = pdf_text(login(teacher).get(reverse("portfolios:export_pdf"), query).content)
    assert "Zelfbeoordelingen" in text


def test_pdf_embeds_entry_images(teacher):
    entry = EntryFactory(owner=teacher)
    attachment_for(entry)
    html = export.build_html(teacher, {"entries": [entry]})
    assert "attachment:" in html
    pdf = export.build_pdf(teacher, {"entries": [entry]})
    assert pdf.count(b"/Subtype /Image") >= 1


def test_pdf_problem_is_explained_instead_of_a_server_error(login, teacher, monkeypatch):
    monkeypatch.setattr(export, "pdf_problem", lambda: "pango ontbreekt")
    response = login(teacher).get(reverse("portfolios:export_pdf"))
    assert response.status_code == 503 and "pango ontbreekt" in response.content.decode()
    assert "De pdf kan nu niet worden gemaakt" in response.content.decode()


def test_zip_holds_the_same_choice_with_readable_labels(login, teacher):
    plan = PlanFactory(person=teacher, status=PlanStatus.AGREED)
    GoalFactory(plan=plan, title="Lassen TIG")
    chosen = EntryFactory(owner=teacher, title="Gastles", hours=Decimal("12.5"))
    attachment_for(chosen)
    EntryFactory(owner=teacher, title="Niet gekozen")
    query = {"chosen": "1", "plans": [plan.pk], "entries": [chosen.pk]}
    archive = zipfile.ZipFile(io.BytesIO(login(teacher).get(reverse("portfolios:export_zip"), query).content))
    data = json.loads(archive.read("dossier.json"))
    assert [e["Titel"] for e in data["Portfolio"]] == ["Gastles"]
    assert data["Portfolio"][0]["Uren"] == "12,5 uur"
    assert data["Ontwikkelplannen"][0]["Status"] == "Akkoord"
    assert data["Ontwikkelplannen"][0]["Leerdoelen"][0]["Leerdoel"] == "Lassen TIG"
    assert data["Portfolio"][0]["Bestanden"][0] in archive.namelist()
    assert "Kwalificaties" not in data
