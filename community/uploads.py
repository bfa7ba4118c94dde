"""Validation of uploaded files, shared by every app that accepts them.

Images are opened with Pillow, checked against a pixel limit (image bombs), re-encoded
(which drops EXIF/GPS and anything hidden after the image data) and returned as new bytes.
Documents are checked by their content, not their name. Every failure raises a translated
ValidationError, so forms show it and nothing is stored.
"""

import io
import os
import re
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # about 7000 x 5700; larger is refused as a possible bomb
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "png", "WEBP": "jpg", "BMP": "png", "MPO": "jpg"}

# Office formats are ZIP containers; each is recognised by a member only it has.
_ZIP_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
}


def safe_filename(name: str, extension: str | None = None) -> str:
    """A file name without directories, control characters or traversal."""
    base = os.path.basename((name or "").replace("\\", "/"))
    stem = os.path.splitext(base)[0]
    stem = re.sub(r"[^\w\- ]+", "", stem, flags=re.UNICODE).strip(" .-")[:80] or "file"
    if extension:
        return f"{stem}.{extension}"
    ext = re.sub(r"[^a-z0-9]", "", os.path.splitext(base)[1].lower())[:8]
    return f"{stem}.{ext}" if ext else stem


@dataclass
class CleanFile:
    content: ContentFile  # has .name set to a safe file name
    kind: str  # "image" or a DOCUMENT_TYPES key
    content_type: str
    size: int


def clean_image(upload, *, max_bytes: int = MAX_IMAGE_BYTES, max_side: int | None = 2400) -> CleanFile:
    """Verify and re-encode an uploaded image; returns JPEG or PNG bytes without metadata."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image is too large (%(size)s MB; at most %(max)s MB).")
            % {"size": round(upload.size / 1_048_576, 1), "max": max_bytes // 1_048_576},
            code="too_large",
        )
    head = upload.read(512)
    upload.seek(0)
    if b"<svg" in head.lower() or b"<?xml" in head.lower():
        raise ValidationError(_("SVG images are not accepted; upload a JPEG or PNG."), code="svg")
    try:
        with Image.open(upload) as probe:
            fmt = probe.format
            width, height = probe.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="bomb")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            if max_side:
                image.thumbnail((max_side, max_side))
            extension = IMAGE_FORMATS.get(fmt)
            if extension is None:
                raise ValidationError(_("This image format is not supported; upload a JPEG or PNG."), code="format")
            out = io.BytesIO()
            if extension == "jpg":
                image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
                content_type = "image/jpeg"
            else:
                if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                image.save(out, "PNG", optimize=True)
                content_type = "image/png"
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a valid image."), code="invalid") from None
    finally:
        upload.seek(0)
    data = out.getvalue()
    return CleanFile(
        content=ContentFile(data, name=safe_filename(upload.name, extension)),
        kind="image",
        content_type=content_type,
        size=len(data),
    )


def _sniff_document(head: bytes, upload) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    return _ODF_MIMETYPES.get(archive.read("mimetype").strip())
                for kind, marker in _ZIP_MARKERS.items():
                    if marker in names:
                        return kind
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        finally:
            upload.seek(0)
    return None


def clean_document(upload, *, max_bytes: int = MAX_DOCUMENT_BYTES, allow_text: bool = False) -> CleanFile:
    """Accept PDF and office documents, recognised by content; the extension must agree."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s MB; at most %(max)s MB).")
            % {"size": round(upload.size / 1_048_576, 1), "max": max_bytes // 1_048_576},
            code="too_large",
        )
    head = upload.read(2048)
    upload.seek(0)
    kind = _sniff_document(head, upload)
    if kind is None and allow_text:
        try:
            head.decode("utf-8")
            if b"\x00" not in head:
                kind = "txt"
        except UnicodeDecodeError:
            kind = None
    if kind is None:
        raise ValidationError(
            _("This file type is not accepted. Upload a PDF or an office document (Word, Excel, PowerPoint, OpenDocument)."),
            code="type",
        )
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension and extension != kind:
        raise ValidationError(
            _("The file's name says .%(ext)s but its content is %(kind)s.") % {"ext": extension, "kind": kind.upper()},
            code="mismatch",
        )
    data = upload.read()
    if kind == "pdf":
        from .pdf_safety import refuse_active_pdf

        refuse_active_pdf(data)
    return CleanFile(
        content=ContentFile(data, name=safe_filename(upload.name, kind)),
        kind=kind,
        content_type=DOCUMENT_TYPES[kind],
        size=upload.size,
    )


def clean_upload(upload, **kwargs) -> CleanFile:
    """An image (re-encoded) or a document (checked), whichever the content is."""
    head = upload.read(16)
    upload.seek(0)
    if head.startswith((b"%PDF-", b"PK\x03\x04")):
        return clean_document(upload, **kwargs)
    return clean_image(upload)
