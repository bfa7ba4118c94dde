"""Helpers for tests that capture on-commit callbacks."""


def work_callbacks(callbacks):
    """The callbacks that do work a person notices (mail, tasks), without the dashboard
    panels' cache-version bumps that every write schedules (community/dashboard.py)."""
    return [callback for callback in callbacks if not callback.__qualname__.startswith("_bump.")]
