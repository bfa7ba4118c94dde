"""Serving personal files: only through a view that has already checked who asks."""

import mimetypes

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404
from django.utils.functional import LazyObject, empty


class _PrivateStorage(LazyObject):
    """storages["private"], looked up when first used (like default_storage), so a FileField
    follows the configured backend (disk or S3) and tests can swap it with override_settings."""

    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = _PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def private_storage():
    """The storage for personal files (never under MEDIA_ROOT). Use as FileField(storage=...)."""
    return _private_storage


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
