"""Wagtail auto-imports this module; each feature registers its admin viewsets in its own."""

from .admin_viewsets import programmes  # noqa: F401
