"""Wagtail admin registrations; each feature keeps its viewsets in admin_viewsets/<feature>.py."""

from .admin_viewsets import dossier  # noqa: F401
from .admin_viewsets import authorisation  # noqa: F401
