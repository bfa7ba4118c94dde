"""Presentations (showcases): Dutch name, copy button, friendly gone page, the owner's language;
several files per save, deleting a file asks first."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.portfolios.factories_dossier import (
    EntryFactory,
    ShowcaseFactory,
    attachment_for,
    png_bytes,
)


def test_presentation_is_dutch_and_offers_a_copy_button_without_inline_script(login, teacher):
    showcase = ShowcaseFactory(owner=teacher)
    page = login(teacher).get(reverse("portfolios:showcase_edit", kwargs={"pk": showcase.pk})).content.decode()
    assert "Link kopiëren" in page and "data-copy-target" in page
    assert "js/copy-link.js" in page and "<script>" not in page
    assert "Showcase" not in page and "Presentaties" in page


def test_public_page_follows_the_owner_language_not_the_browser(client, teacher):
    showcase = ShowcaseFactory(owner=teacher, language="nl")
    EntryFactory(owner=teacher, hours=2)
    url = reverse("portfolios:showcase_public", kwargs={"token": showcase.token})
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert page["Content-Language"] == "nl" and 'lang="nl"' in page.content.decode()
    assert "Een selectie uit het portfolio van" in page.content.decode()
    english = ShowcaseFactory(owner=teacher, language="en")
    page = client.get(reverse("portfolios:showcase_public", kwargs={"token": english.token}))
    assert "A selection from the portfolio of" in page.content.decode()


def test_several_files_in_one_save(login, teacher):
    files = [SimpleUploadedFile(f"foto{n}.png", png_bytes(), content_type="image/png") for n in range(3)]
    response = login(teacher).post(reverse("portfolios:entry_create"), {
        "kind": "reflection", "title": "Praktijkles", "date": "2026-10-01", "hours": "1", "attachment": files,
    })
    assert response.status_code == 302
    entry = teacher.portfolio_entries.get()
    assert sorted(a.name for a in entry.attachments.all()) == ["foto0.png", "foto1.png", "foto2.png"]


def test_deleting_a_file_asks_first(login, teacher):
    attachment = attachment_for(EntryFactory(owner=teacher))
    url = reverse("portfolios:attachment_delete", kwargs={"pk": attachment.pk})
    client = login(teacher)
    step = client.post(url)
    assert step.status_code == 200 and "Dit bestand verwijderen?" in step.content.decode()
    assert attachment.entry.attachments.exists()
    client.post(url, {"confirmed": "yes"})
    assert not attachment.entry.attachments.exists()
