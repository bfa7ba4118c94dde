"""Wagtail admin registrations of the learning offer, one module per feature."""

from .admin_viewsets import internships, module_warning, programmes, studydays  # noqa: F401
