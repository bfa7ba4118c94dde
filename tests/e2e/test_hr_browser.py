"""HR's real work in a real browser: import a Dutch-Excel file, send the activation emails,
verify records in bulk, reject one with a reason the teacher then reads on their own page."""

import pytest

from tests.e2e.crawl import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STAFF = (
    "e-mailadres;voornaam;tussenvoegsel;achternaam;brin;profielen;kwalificatie;graad;behaald_op\r\n"
    "n.vandam@example.org;Noor;van;Dam;20AE;BWI;Bouwkunde I en II;2;1-9-2010\r\n"
).encode("utf-8-sig")


def test_hr_imports_activates_verifies_and_rejects_through_the_ui(page, demo):
    from django.core import mail

    from community.models import Person
    from portfolios.models import QualificationRecord

    log_in(page, demo.url, "hr@example.org")
    page.goto(f"{demo.url}/dossier/bevoegdheid/import/")
    page.locator("input[type=file]").set_input_files(
        {"name": "personeel.csv", "mimeType": "text/csv", "buffer": STAFF}
    )
    page.get_by_role("button", name="Bestand controleren").click()
    page.get_by_role("button", name="Deze wijzigingen importeren").click()
    page.wait_for_url("**/school/activation/")
    assert Person.objects.filter(email="n.vandam@example.org").exists()
    page.locator("form button[name=all]").click()
    page.wait_for_url("**/school/activation/")
    assert any("n.vandam@example.org" in m.to for m in mail.outbox)

    page.goto(f"{demo.url}/dossier/bevoegdheid/controleren/")
    waiting = list(QualificationRecord.objects.unverified().exclude(person__email="hr@example.org").order_by("pk"))
    sanne = next(r for r in waiting if r.person.email == "docent@example.org")
    page.get_by_role("link", name=f"Afwijzen {sanne.title}, {sanne.person.get_full_name()}").click()
    reason = "De scan is onleesbaar; upload het diploma opnieuw."
    page.get_by_label("Reden").fill(reason)
    page.get_by_role("button", name="Afwijzen").click()
    page.wait_for_url("**/bevoegdheid/controleren/")
    boxes = page.locator("input[name=record]")
    chosen = boxes.count()
    assert chosen >= 1
    for i in range(chosen):
        boxes.nth(i).check()
    page.get_by_role("button", name="De gekozen gegevens goedkeuren").click()
    page.wait_for_url("**/bevoegdheid/controleren/")
    assert page.locator("input[name=record]").count() == 0
    sanne.refresh_from_db()
    assert sanne.rejection_reason == reason

    page.context.clear_cookies()
    log_in(page, demo.url, "docent@example.org")
    page.goto(f"{demo.url}/dossier/bevoegdheid/")
    assert page.get_by_text(reason).first.is_visible()
