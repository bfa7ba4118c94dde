"""Small builders for the CMS tests: a real PNG (Pillow) and a tiny PDF."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png_upload(name="werkplaats.png", size=(64, 48), colour=(230, 120, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_upload(name="programma.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def admin_menu_urls(user):
    """Every URL in the Wagtail admin menu (submenus included) as this user sees it."""
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []

    def walk(items):
        for item in items:
            submenu = getattr(item, "menu", None)
            if submenu is not None:
                walk(submenu.menu_items_for_request(request))
            elif item.url and item.url.startswith("/"):  # not Wagtail's external guide
                urls.append(item.url)

    walk(admin_menu.menu_items_for_request(request))
    return sorted(set(urls))
