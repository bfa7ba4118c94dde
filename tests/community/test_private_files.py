"""Private files leave storage with their record; PDFs with scripts or launch actions are refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from community.uploads import clean_document
from tests.portfolios.factories_authorisation import hold

pytestmark = pytest.mark.django_db


def _pdf(*, javascript=False, launch=False) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if javascript:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hi');")}
        )
    if launch:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_plain_pdf_is_accepted():
    assert clean_document(SimpleUploadedFile("diploma.pdf", _pdf())).kind == "pdf"


@pytest.mark.parametrize("kind", ["javascript", "launch"])
def test_a_pdf_with_active_content_is_refused_with_a_clear_message(kind):
    with pytest.raises(ValidationError) as error:
        clean_document(SimpleUploadedFile("diploma.pdf", _pdf(**{kind: True})))
    assert "scripts of acties" in " ".join(error.value.messages)


def test_a_damaged_pdf_with_a_hidden_script_name_is_refused():
    data = b"%PDF-1.4\n1 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj\n%%EOF"
    with pytest.raises(ValidationError):
        clean_document(SimpleUploadedFile("x.pdf", data))


def test_a_replaced_diploma_scan_leaves_storage_after_commit(teacher, django_capture_on_commit_callbacks):
    record = hold(teacher, "Metaaltechniek")
    record.scan.save("first.pdf", ContentFile(_pdf()), save=True)
    old = record.scan.name
    storage = record.scan.storage
    assert storage.exists(old)
    with django_capture_on_commit_callbacks(execute=True):
        record.scan.save("second.pdf", ContentFile(_pdf()), save=True)
    assert not storage.exists(old)
    assert storage.exists(record.scan.name)


def test_a_removed_record_takes_its_scan_along_but_not_before_commit(teacher, django_capture_on_commit_callbacks):
    record = hold(teacher, "Metaaltechniek")
    record.scan.save("scan.pdf", ContentFile(_pdf()), save=True)
    name, storage = record.scan.name, record.scan.storage
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record.delete()
    assert storage.exists(name)  # a rollback would still have it
    for callback in callbacks:
        callback()
    assert not storage.exists(name)


def test_a_deleted_attachment_leaves_storage(teacher, django_capture_on_commit_callbacks):
    from portfolios.models import Attachment
    from tests.portfolios.factories_dossier import EntryFactory

    entry = EntryFactory(owner=teacher)
    attachment = Attachment(entry=entry, kind="document", name="les.pdf", content_type="application/pdf", size=10)
    attachment.file.save("les.pdf", ContentFile(_pdf()), save=True)
    name, storage = attachment.file.name, attachment.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
    assert not storage.exists(name)
