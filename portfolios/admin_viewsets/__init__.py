"""Wagtail admin viewsets, one module per feature (imported by wagtail_hooks.py)."""
