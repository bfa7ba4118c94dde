"""Wagtail admin registrations; each feature keeps its viewsets in admin_viewsets/<feature>.py."""

from .admin_viewsets import (
    authorisation,  # noqa: F401
    dossier,  # noqa: F401
)
