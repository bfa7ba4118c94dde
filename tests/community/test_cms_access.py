"""Hub staff work with images and documents in the CMS; others get a clear refusal at /admin/."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.wagtail_groups import HUB_COLLECTIONS, hub_collection
from tests.conftest import PERSONAS

from .cms_helpers import admin_menu_urls, pdf_upload, png_upload

pytestmark = pytest.mark.django_db

NO_CMS = [p for p in PERSONAS if p not in ("anonymous", "hub_staff")]


def test_the_hub_collections_exist_from_the_migration():
    names = set(Collection.get_first_root_node().get_children().values_list("name", flat=True))
    assert set(HUB_COLLECTIONS) <= names


def test_hub_staff_upload_an_image_into_a_collection(login, hub_staff):
    client = login(hub_staff)
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    articles = hub_collection("Artikelen")
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Werkplaats", "file": png_upload(), "collection": articles.pk, "description": "Een werkplaats"},
    )
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Werkplaats")
    assert image.collection == articles
    assert image.uploaded_by_user == hub_staff


def test_hub_staff_upload_a_document(login, hub_staff):
    client = login(hub_staff)
    assert client.get(reverse("wagtaildocs:add")).status_code == 200
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Programma", "file": pdf_upload(), "collection": hub_collection("Studiedagen").pk},
    )
    assert response.status_code == 302
    assert get_document_model().objects.get(title="Programma").collection.name == "Studiedagen"


def test_hub_staff_upload_several_images_and_documents_at_once(login, hub_staff):
    client = login(hub_staff)
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    for n in range(2):
        response = client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": png_upload(f"foto-{n}.png"), "collection": hub_collection("Studiedagen").pk},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.status_code == 200 and response.json()["success"], response.content[:500]
        response = client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": pdf_upload(f"hand-out-{n}.pdf"), "collection": hub_collection("Studiedagen").pk},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.status_code == 200 and response.json()["success"]
    assert get_image_model().objects.filter(collection__name="Studiedagen").count() == 2
    assert get_document_model().objects.filter(collection__name="Studiedagen").count() == 2


def test_the_choosers_list_uploads_and_offer_an_upload_tab(login, hub_staff):
    client = login(hub_staff)
    client.post(reverse("wagtailimages:add"), {"title": "Lasrobot", "file": png_upload(), "collection": hub_collection("Artikelen").pk})
    client.post(reverse("wagtaildocs:add"), {"title": "Handleiding", "file": pdf_upload(), "collection": hub_collection("Opleidingen").pk})
    images = client.get(reverse("wagtailimages_chooser:choose"))
    documents = client.get(reverse("wagtaildocs_chooser:choose"))
    assert images.status_code == documents.status_code == 200
    assert "Lasrobot" in images.json()["html"]
    assert "Handleiding" in documents.json()["html"]
    # The upload tab: the chooser's create form is offered.
    assert reverse("wagtailimages_chooser:create") in images.json()["html"]
    assert reverse("wagtaildocs_chooser:create") in documents.json()["html"]
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Nieuw", "image-chooser-upload-file": png_upload(colour=(10, 200, 90)),
         "image-chooser-upload-collection": hub_collection("Artikelen").pk},
    )
    assert response.status_code == 200 and response.json()["step"] == "chosen"


def test_hub_staff_delete_an_upload_after_seeing_where_it_is_used(login, hub_staff):
    # Wagtail treats delete like change: hub editors look after each other's uploads too.
    Image = get_image_model()
    client = login(hub_staff)
    client.post(reverse("wagtailimages:add"), {"title": "Eigen", "file": png_upload(), "collection": hub_collection("Artikelen").pk})
    own = Image.objects.get(title="Eigen")
    assert client.get(reverse("wagtailimages:delete", args=[own.pk])).status_code == 200
    assert client.post(reverse("wagtailimages:delete", args=[own.pk])).status_code == 302
    assert not Image.objects.filter(pk=own.pk).exists()


# /admin/: hub staff get every menu item; everyone else a clear refusal, never a loop ---------


def test_every_admin_menu_item_answers_hub_staff(login, hub_staff):
    client = login(hub_staff)
    urls = admin_menu_urls(hub_staff)
    assert reverse("wagtailimages:index") in urls and reverse("wagtaildocs:index") in urls
    wrong = {url: client.get(url, follow=True).status_code for url in urls}  # settings redirect to the site's
    assert {url: code for url, code in wrong.items() if code != 200} == {}


@pytest.mark.parametrize("name", NO_CMS)
def test_people_without_cms_access_get_a_dutch_refusal(name, persona, login, hub_staff):
    client = login(persona(name))
    # Menu items that lead to the site's own pages (e.g. study-day check-in) have their own rules.
    admin_urls = [url for url in admin_menu_urls(hub_staff) if url.startswith("/admin/")]
    for url in ["/admin/", reverse("wagtailimages:add"), *admin_urls]:
        response = client.get(url)
        assert response.status_code == 403, url
        html = response.content.decode()
        assert "Je hebt geen toegang tot het beheer" in html
        assert reverse("dashboard") in html
        assert 'class="site-header' in html or "<header" in html  # the site's own layout


def test_anonymous_people_go_to_the_login_once(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 2
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
