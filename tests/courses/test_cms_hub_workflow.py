"""The hub's main job, done through the CMS's own views as a hub editor would: upload an image
and a PDF, publish an article with the image, a study day with the PDF as material, and a
course module with a document block; then check what visitors see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from community.models import ArticleIndexPage, ArticlePage, HomePage
from community.wagtail_groups import hub_collection
from courses.models import MaterialAudience, ModulePage, StudyDayPage
from tests.community.cms_helpers import pdf_upload, png_upload
from tests.courses.factories_programmes import make_course
from tests.courses.factories_studydays import register, study_day_index

pytestmark = pytest.mark.django_db


def _publish(client, model, parent, data):
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**nested_form_data(data), "action-publish": "publish"})
    errors = response.context["form"].errors if response.status_code == 200 and response.context else None
    assert response.status_code == 302, errors
    return model.objects.get(slug=data["slug"])


def test_hub_editor_publishes_article_study_day_and_module(login, hub_staff, teacher, other_teacher):
    client = login(hub_staff)
    # Upload an image and a PDF, each into the hub's collection for its kind of page.
    client.post(reverse("wagtailimages:add"), {
        "title": "Leerlingen in de werkplaats", "file": png_upload(), "collection": hub_collection("Artikelen").pk,
    })
    client.post(reverse("wagtaildocs:add"), {
        "title": "Programma studiedag", "file": pdf_upload(), "collection": hub_collection("Studiedagen").pk,
    })
    image = get_image_model().objects.get(title="Leerlingen in de werkplaats")
    document = get_document_model().objects.get(title="Programma studiedag")

    # An article with the image and its alternative text.
    index = ArticleIndexPage(title="Artikelen", slug="artikelen")
    HomePage.objects.first().add_child(instance=index)
    article = _publish(client, ArticlePage, index, {
        "title": "Zo werkt de nieuwe werkplaats", "slug": "nieuwe-werkplaats",
        "date": timezone.localdate().isoformat(), "summary": "Een kijkje binnen.", "author": hub_staff.pk,
        "author_name": "", "author_image": image.pk, "tags": "werkplaats",
        "body": streamfield([
            ("paragraph", rich_text("<p>De werkplaats is vernieuwd.</p>")),
            ("image", {"image": image.pk, "alt_text": "Twee leerlingen solderen een printplaat", "caption": "Foto: hub"}),
        ]),
        "comments": inline_formset([]),
    })
    assert article.live
    page = login(None).get(article.url)
    assert page.status_code == 200
    assert 'alt="Twee leerlingen solderen een printplaat"' in page.content.decode()

    # A study day with the PDF as material for participants only.
    client = login(hub_staff)
    day_date = timezone.localdate() + timedelta(days=40)
    day = _publish(client, StudyDayPage, study_day_index(), {
        "title": "Studiedag energietransitie", "slug": "studiedag-energie",
        "date": day_date.isoformat(), "start_time": "09:00", "end_time": "16:00",
        "location": "Techniek College Rotterdam", "address": "", "introduction": rich_text("<p>Welkom.</p>"),
        "programme": streamfield([]), "capacity": "40",
        "registration_opens": timezone.localdate().isoformat(),
        "registration_closes": (day_date - timedelta(days=2)).isoformat(),
        "for_teachers": "on", "for_trainees": "on", "credited_hours": "6", "tags": "",
        "workshops": inline_formset([]),
        "materials": inline_formset([{"document": document.pk, "title": "Programma", "audience": MaterialAudience.PARTICIPANTS}]),
        "comments": inline_formset([]),
    })
    assert day.live and day.materials.get().document == document
    register(day, teacher)
    assert login(teacher).get(document.url).status_code == 200
    assert login(other_teacher).get(document.url).status_code == 403  # participants only
    assert login(None).get(document.url).status_code == 302  # to the login

    # A course module with a document block.
    client = login(hub_staff)
    course = make_course(modules=0)
    module = _publish(client, ModulePage, course, {
        "title": "Module 1: De les voorbereiden", "slug": "module-les-voorbereiden", "summary": "Openbaar", "hours": "8",
        "body": streamfield([("document", {"document": document.pk, "description": "Leeswijzer"})]),
        "assignments": inline_formset([]),
        "comments": inline_formset([]),
    })
    assert module.live
    html = client.get(module.url).content.decode()
    assert document.url in html and "Leeswijzer" in html
