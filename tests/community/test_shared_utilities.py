import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community.exports import neutralise, tabular_response
from community.sanitise import clean_html
from community.uploads import clean_document, clean_image, safe_filename


def _jpeg_with_gps():
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (52.0, 0.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_image_is_reencoded_without_metadata():
    upload = SimpleUploadedFile("../../etc/photo.jpeg", _jpeg_with_gps(), content_type="image/jpeg")
    clean = clean_image(upload)
    assert clean.content.name == "photo.jpg"
    with Image.open(io.BytesIO(clean.content.read())) as image:
        assert not image.getexif()


def test_svg_with_script_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError) as err:
        clean_image(SimpleUploadedFile("x.png", svg))
    assert err.value.code == "svg"


def test_image_bomb_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")
    with pytest.raises(ValidationError) as err:
        clean_image(SimpleUploadedFile("bomb.png", buffer.getvalue()))
    assert err.value.code == "bomb"


def test_executable_renamed_to_pdf_is_refused():
    with pytest.raises(ValidationError) as err:
        clean_document(SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"))
    assert err.value.code == "type"


def test_docx_is_recognised_by_content():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    clean = clean_document(SimpleUploadedFile("verslag.docx", buffer.getvalue()))
    assert clean.kind == "docx"


def test_pdf_named_as_docx_is_refused():
    with pytest.raises(ValidationError) as err:
        clean_document(SimpleUploadedFile("verslag.docx", b"%PDF-1.4 ..."))
    assert err.value.code == "mismatch"


def test_oversized_document_is_refused():
    with pytest.raises(ValidationError) as err:
        clean_document(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2048), max_bytes=1024)
    assert err.value.code == "too_large"


def test_safe_filename_strips_traversal():
    assert safe_filename("..\\..\\windows\\evil.exe.pdf") == "evilexe.pdf"


def test_formula_cells_are_neutralised():
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("Sanne") == "Sanne"
    response = tabular_response(["name"], [["@SUM(A1)"]], filename="x")
    assert "'@SUM(A1)" in response.content.decode("utf-8-sig")


def test_xlsx_export_opens():
    from openpyxl import load_workbook

    response = tabular_response(["a", "b"], [[1, "-2"]], filename="x", file_format="xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]] == [1, "'-2"]


def test_html_is_sanitised():
    dirty = '<p onclick="x()">Hi<script>alert(1)</script><img src="https://t.example/p.gif"><a href="javascript:alert(1)">x</a></p>'
    clean = clean_html(dirty)
    assert "script" not in clean and "onclick" not in clean and "<img" not in clean and "javascript" not in clean
    assert clean.startswith("<p>Hi")


def test_csv_export_opens_in_dutch_excel():
    response = tabular_response(["naam", "school"], [["de Vries", "Zuiderpark College; locatie Zuid"]], filename="x")
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    lines = response.content.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "naam;school"  # semicolons: Dutch Excel's list separator
    assert lines[1] == 'de Vries;"Zuiderpark College; locatie Zuid"'
