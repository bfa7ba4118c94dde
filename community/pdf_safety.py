"""Refuse PDFs that carry JavaScript or launch actions (pypdf walks the document's objects)."""

import io
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ACTIVE_KEYS = {"/JS", "/JavaScript", "/Launch"}
ACTIVE_NAMES = {"/JavaScript", "/Launch"}
MAX_OBJECTS = 50_000
# For files pypdf cannot read: the same names in the raw bytes, #xx escapes undone.
_RAW = re.compile(rb"/(JavaScript|JS|Launch)\b")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def has_active_content(data: bytes) -> bool:
    try:
        return _walk(data)
    except Exception:  # noqa: BLE001  (a damaged PDF: fall back to the raw bytes)
        raw = _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)
        return bool(_RAW.search(raw))


def _walk(data: bytes) -> bool:
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    reader = PdfReader(io.BytesIO(data), strict=False)
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            obj = obj.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            return True  # far more objects than any diploma scan: refuse rather than trust
        if isinstance(obj, DictionaryObject):
            for key, value in obj.items():
                if key in ACTIVE_KEYS:
                    return True
                if isinstance(value, NameObject) and key == "/S" and value in ACTIVE_NAMES:
                    return True
                if key not in ("/Parent", "/P"):
                    stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return False


def refuse_active_pdf(data: bytes) -> None:
    if has_active_content(data):
        raise ValidationError(
            _("This PDF contains scripts or actions that start programs, which we do not accept. "
              "Save or print it as a plain PDF (for example with “Print to PDF”) and upload that."),
            code="pdf_active",
        )
