"""Serving personal files: only through a view that has already checked who asks."""

import mimetypes

from django.core.files.storage import storages
from django.http import FileResponse, Http404


def private_storage():
    """The storage for personal files (never under MEDIA_ROOT). Use as FileField(storage=...)."""
    return storages["private"]


def serve_private_file(field_file, *, download_name: str | None = None, inline: bool = False):
    """Stream a FileField's file. The caller must have checked permission first."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    name = download_name or field_file.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=not inline, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    return response
