"""Profiles: edit my profile, a square private photo, the person page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _jpeg(size=(1200, 800)):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 0.0, 0.0)}  # GPS
    Image.new("RGB", size, "teal").save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("mij.jpg", buffer.getvalue(), content_type="image/jpeg")


def _save(client, **extra):
    data = {"first_name": "Sanne", "last_name": "de Vries", "bio": "Docent PIE.", "expertise": "lasen, CNC", **extra}
    return client.post(reverse("community:profile_edit"), data)


def test_teacher_edits_name_bio_and_expertise(login, teacher):
    response = _save(login(teacher), first_name="Sanna", listed_in_directory="on")
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.first_name == "Sanna"
    assert teacher.listed_in_directory
    assert sorted(t.name for t in teacher.expertise.all()) == ["CNC", "lassen"]  # the known misspelling is merged (issue 16)


def test_photo_is_cropped_square_at_most_512_and_stored_privately(login, teacher, settings):
    client = login(teacher)
    _save(client, photo_upload=_jpeg())
    teacher.refresh_from_db()
    assert teacher.photo
    assert teacher.photo.path.startswith(str(settings.PRIVATE_ROOT))
    assert not teacher.photo.path.startswith(str(settings.MEDIA_ROOT))
    with Image.open(teacher.photo.path) as image:
        assert image.size == (512, 512)
        assert not image.getexif()


def test_photo_is_served_to_members_only(login, teacher, other_teacher, client):
    _save(login(teacher), photo_upload=_jpeg((300, 300)))
    url = reverse("community:person_photo", args=[teacher.pk])
    response = login(other_teacher).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    client.logout()
    assert client.get(url).status_code == 302


def test_not_an_image_is_refused_with_a_message(login, teacher):
    response = _save(login(teacher), photo_upload=SimpleUploadedFile("x.jpg", b"not an image"))
    assert response.status_code == 200
    assert "photo_upload" in response.context["form"].errors
    teacher.refresh_from_db()
    assert not teacher.photo


def test_removing_the_photo_deletes_the_file(login, teacher, django_capture_on_commit_callbacks):
    client = login(teacher)
    _save(client, photo_upload=_jpeg((100, 100)))
    teacher.refresh_from_db()
    path = teacher.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        _save(client, remove_photo="on")
    teacher.refresh_from_db()
    assert not teacher.photo
    import os

    assert not os.path.exists(path)


def test_person_page_shows_profile_roles_and_organisation(login, colleague, teacher):
    teacher.bio = "Ik geef les in PIE."
    teacher.save()
    teacher.expertise.add("lasen")
    html = login(colleague).get(reverse("community:person_detail", args=[teacher.pk])).content.decode()
    assert "Sanne de Vries" in html
    assert "Ik geef les in PIE." in html
    assert "lasen" in html
    assert "Zuiderpark College" in html
    assert "Docent" in html


def test_person_without_a_current_membership_is_not_shown(login, teacher):
    loner = PersonFactory()
    assert login(teacher).get(reverse("community:person_detail", args=[loner.pk])).status_code == 404


def test_profile_edit_requires_login(client):
    response = client.get(reverse("community:profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_form_labels_every_field(login, teacher):
    html = login(teacher).get(reverse("community:profile_edit")).content.decode()
    for field_id in ("id_first_name", "id_last_name", "id_photo_upload", "id_bio", "id_expertise", "id_listed_in_directory"):
        assert f'for="{field_id}"' in html, field_id
    assert Person.objects.count() >= 1
