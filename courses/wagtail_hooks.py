"""Wagtail admin registrations of the learning offer, one module per feature."""

from .admin_viewsets import internships, programmes, studydays  # noqa: F401
