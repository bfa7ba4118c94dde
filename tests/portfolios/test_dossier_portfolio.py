"""Portfolio: entries, uploads, sanitising, sharing per persona, files, showcases, exports."""

import io
import json
import os
import zipfile
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from PIL import Image

from portfolios.models import Attachment, PortfolioEntry
from tests.portfolios.export_helpers import pdf_text
from tests.portfolios.factories_dossier import (
    EntryFactory,
    ShowcaseFactory,
    attachment_for,
    png_bytes,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["teacher", "colleague", "other_teacher", "team_leader", "hr", "other_hr", "hub_staff", "company_mentor"]


def _private_files():
    root = settings.STORAGES["private"]["OPTIONS"]["location"]
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


def _post_entry(client, upload=None, **extra):
    data = {"kind": "reflection", "title": "Les over lassen", "date": "2026-11-01", "hours": "2", "text": "<p>tekst</p>", "tags": "lassen, PIE"}
    data.update(extra)
    if upload is not None:
        data["attachment"] = upload
    return client.post(reverse("portfolios:entry_create"), data)


def test_entry_with_image_is_private_reencoded_and_thumbnailed(login, teacher):
    response = _post_entry(login(teacher), SimpleUploadedFile("../../etc/passwd.png", png_bytes((900, 600))))
    assert response.status_code == 302
    entry = PortfolioEntry.objects.get(owner=teacher)
    attachment = entry.attachments.get()
    assert attachment.name == "passwd.png" and ".." not in attachment.file.name
    assert not attachment.file.name.startswith(settings.MEDIA_ROOT)
    assert attachment.thumbnail
    with Image.open(attachment.thumbnail.open("rb")) as thumb:
        assert max(thumb.size) <= 480
    assert set(entry.tags.names()) == {"lassen", "PIE"}
    file_response = login(teacher).get(reverse("portfolios:attachment_file", kwargs={"pk": attachment.pk}))
    assert file_response["X-Content-Type-Options"] == "nosniff"


def _message(text):
    with override("nl"):
        return gettext(text)


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("groot.pdf", b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024), "The file is too large (%(size)s MB; at most %(max)s MB)."),
        ("verslag.pdf", b"MZ\x90\x00 this is an executable", "This file type is not accepted. Upload a PDF or an office document (Word, Excel, PowerPoint, OpenDocument)."),
        ("script.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG images are not accepted; upload a JPEG or PNG."),
        ("foto.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "SVG images are not accepted; upload a JPEG or PNG."),
        ("bom.png", None, "The image has too many pixels."),
        ("foto.jpg", b"%PDF-1.4 not an image", "This file is not a valid image."),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_nothing_stored(login, teacher, name, content, message):
    if content is None:
        buffer = io.BytesIO()
        Image.new("1", (9000, 9000)).save(buffer, "PNG")
        content = buffer.getvalue()
    before = _private_files()
    response = _post_entry(login(teacher), SimpleUploadedFile(name, content))
    assert response.status_code == 200
    expected = _message(message).split("(")[0].strip()
    assert expected in response.content.decode()
    assert PortfolioEntry.objects.count() == 0 and Attachment.objects.count() == 0
    assert _private_files() == before


def test_rich_text_is_sanitised(login, teacher):
    _post_entry(login(teacher), text='<p onclick="x()">Hoi<script>alert(1)</script><a href="javascript:alert(1)">link</a><strong>vet</strong></p>')
    entry = PortfolioEntry.objects.get()
    assert "script" not in entry.text and "onclick" not in entry.text and "javascript:" not in entry.text
    assert "<strong>vet</strong>" in entry.text
    page = login(teacher).get(reverse("portfolios:entry_detail", kwargs={"pk": entry.pk})).content.decode()
    assert "<script>alert" not in page


SHARING = {
    "private": ({}, {"teacher"}),
    "team_leader": ({"shared_with_team_leader": True}, {"teacher", "team_leader"}),
    "hr": ({"shared_with_hr": True}, {"teacher", "hr"}),
    "named": ({"people": "colleague"}, {"teacher", "colleague"}),
    # "All community members": everyone holding an active role, whoever they are.
    "community": ({"shared_with_community": True}, set(PERSONAS)),
}


@pytest.mark.parametrize("how", list(SHARING))
def test_each_persona_sees_exactly_what_was_shared_entry_and_file(request, login, teacher, how):
    flags, allowed = SHARING[how]
    entry = EntryFactory(owner=teacher, **{k: v for k, v in flags.items() if k != "people"})
    if "people" in flags:
        entry.shared_with_people.add(request.getfixturevalue(flags["people"]))
    attachment = attachment_for(entry)
    for name in PERSONAS:
        client = login(request.getfixturevalue(name))
        expected = 200 if name in allowed else 404
        assert client.get(reverse("portfolios:entry_detail", kwargs={"pk": entry.pk})).status_code == expected, name
        assert client.get(reverse("portfolios:attachment_file", kwargs={"pk": attachment.pk})).status_code == expected, name
        assert client.get(reverse("portfolios:attachment_thumbnail", kwargs={"pk": attachment.pk})).status_code == expected, name
        listed = entry.title in client.get(reverse("portfolios:shared_with_me")).content.decode()
        assert listed == (name in allowed and name != "teacher"), name
    assert login(None).get(reverse("portfolios:attachment_file", kwargs={"pk": attachment.pk})).status_code == 302


def test_sharing_can_be_taken_back(login, teacher, team_leader, colleague):
    entry = EntryFactory(owner=teacher)
    client = login(teacher)
    url = reverse("portfolios:entry_share", kwargs={"pk": entry.pk})
    client.post(url, {"shared_with_team_leader": "on", "shared_with_people": [colleague.pk]})
    assert login(team_leader).get(reverse("portfolios:entry_detail", kwargs={"pk": entry.pk})).status_code == 200
    login(teacher).post(url, {})
    for person in (team_leader, colleague):
        assert login(person).get(reverse("portfolios:entry_detail", kwargs={"pk": entry.pk})).status_code == 404


def test_named_sharing_is_limited_to_people_at_the_same_school(login, teacher, other_teacher):
    entry = EntryFactory(owner=teacher)
    response = login(teacher).post(reverse("portfolios:entry_share", kwargs={"pk": entry.pk}), {"shared_with_people": [other_teacher.pk]})
    assert response.status_code == 200
    assert not entry.shared_with_people.exists()


def test_others_cannot_edit_share_or_delete(login, teacher, team_leader):
    entry = EntryFactory(owner=teacher, shared_with_team_leader=True)
    attachment = attachment_for(entry)
    client = login(team_leader)
    for name in ("entry_edit", "entry_share", "entry_delete"):
        assert client.post(reverse(f"portfolios:{name}", kwargs={"pk": entry.pk}), {"title": "x"}).status_code == 404
    assert client.post(
        reverse("portfolios:attachment_delete", kwargs={"pk": attachment.pk}), {"confirmed": "yes"}
    ).status_code == 404
    assert PortfolioEntry.objects.filter(pk=entry.pk, title=entry.title).exists()


def test_deleting_an_entry_removes_its_files(login, teacher):
    entry = EntryFactory(owner=teacher)
    attachment = attachment_for(entry)
    path = attachment.file.path
    login(teacher).post(reverse("portfolios:entry_delete", kwargs={"pk": entry.pk}))
    assert not PortfolioEntry.objects.filter(pk=entry.pk).exists()
    assert not os.path.exists(path)


def test_showcase_link_shows_only_selected_entries_and_files(client, teacher):
    chosen, hidden = EntryFactory(owner=teacher, title="Gekozen"), EntryFactory(owner=teacher, title="Niet gekozen")
    chosen_file, hidden_file = attachment_for(chosen), attachment_for(hidden, image=False)
    showcase = ShowcaseFactory(owner=teacher)
    showcase.entries.add(chosen)
    page = client.get(reverse("portfolios:showcase_public", kwargs={"token": showcase.token}))
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex, nofollow"
    assert "Gekozen" in page.content.decode() and "Niet gekozen" not in page.content.decode()
    ok = reverse("portfolios:showcase_file", kwargs={"token": showcase.token, "pk": chosen_file.pk})
    refused = reverse("portfolios:showcase_file", kwargs={"token": showcase.token, "pk": hidden_file.pk})
    assert client.get(ok).status_code == 200
    assert client.get(refused).status_code == 404
    assert client.get(reverse("portfolios:showcase_public", kwargs={"token": "raden" * 8})).status_code == 404


def test_revoked_or_expired_showcase_is_gone(client, login, teacher):
    showcase = ShowcaseFactory(owner=teacher)
    entry = EntryFactory(owner=teacher)
    showcase.entries.add(entry)
    file_url = reverse("portfolios:showcase_file", kwargs={"token": showcase.token, "pk": attachment_for(entry).pk})
    url = reverse("portfolios:showcase_public", kwargs={"token": showcase.token})
    owner = login(teacher)
    step = owner.post(reverse("portfolios:showcase_revoke", kwargs={"pk": showcase.pk}))
    assert step.status_code == 200 and 'name="confirmed" value="yes"' in step.content.decode()
    assert client.get(url).status_code == 200, "one click does not switch the link off"
    owner.post(reverse("portfolios:showcase_revoke", kwargs={"pk": showcase.pk}), {"confirmed": "yes"})
    client.logout()
    gone = client.get(url)
    assert gone.status_code == 410 and "Deze link werkt niet meer" in gone.content.decode()
    assert "Pagina niet gevonden" not in gone.content.decode()
    assert client.get(file_url).status_code == 404
    expired = ShowcaseFactory(owner=teacher, expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(reverse("portfolios:showcase_public", kwargs={"token": expired.token}))
    assert page.status_code == 410 and "werkte tot" in page.content.decode()


def test_showcase_only_offers_own_entries(login, teacher, colleague):
    theirs = EntryFactory(owner=colleague)
    response = login(teacher).post(reverse("portfolios:showcase_create"), {
        "title": "Sollicitatie", "entries": [theirs.pk], "valid_until": (timezone.localdate() + timedelta(days=5)).isoformat(),
    })
    assert response.status_code == 200
    assert not teacher.showcases.exists()


def test_pdf_export_renders_dutch_text(login, teacher):
    EntryFactory(owner=teacher, title="Reflectie op differentiëren en één les — €50", text="<p>Ideeën</p>")
    response = login(teacher).get(reverse("portfolios:export_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "differentiëren en één les — €50" in text and "Ideeën" in text


def test_zip_export_holds_json_and_files_of_the_teacher_only(login, teacher, colleague):
    mine = EntryFactory(owner=teacher, title="Mijn item")
    attachment_for(mine)
    EntryFactory(owner=colleague, title="Van een ander", shared_with_community=True)
    response = login(teacher).get(reverse("portfolios:export_zip"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("dossier.json"))
    assert [e["Titel"] for e in data["Portfolio"]] == ["Mijn item"]
    assert data["Portfolio"][0]["Bestanden"] and data["Portfolio"][0]["Bestanden"][0] in archive.namelist()
    assert "persoonsgegevens" in archive.read("LEESMIJ.txt").decode()


def test_portfolio_list_runs_a_fixed_number_of_queries(login, teacher, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            entry = EntryFactory(owner=teacher)
            entry.tags.add("lassen")
            attachment_for(entry)

    client = login(teacher)
    add(3)
    with django_assert_max_num_queries(12):
        client.get(reverse("portfolios:portfolio"))
    add(25)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("portfolios:portfolio")).content.decode()
    assert "Pagina 1 van 2" in page


def test_shared_with_me_runs_a_fixed_number_of_queries(login, teacher, colleague, django_assert_max_num_queries):
    client = login(colleague)
    for size in (2, 25):
        while PortfolioEntry.objects.count() < size:
            entry = EntryFactory(owner=teacher)
            entry.shared_with_people.add(colleague)
            attachment_for(entry)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("portfolios:shared_with_me")).status_code == 200
