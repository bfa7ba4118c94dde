"""The staff spreadsheet import (HR's web upload and `manage.py import_staff`), all-or-nothing.

By concern: `reading` (bytes → rows: formats, encodings, headers, dates, garbage refused),
`validating` (rows → a checked plan, nothing written), `writing` (the plan → bulk writes in
one short transaction). Unchanged rows write nothing (and no history).
"""

from .reading import COLUMNS, DUTCH_COLUMNS, REQUIRED, ImportFileError, parse_date, read_rows
from .validating import Change, ImportPlan, plan_import
from .writing import _after_bulk_write, apply_import

__all__ = [
    "COLUMNS", "DUTCH_COLUMNS", "REQUIRED", "Change", "ImportFileError", "ImportPlan", "apply_import",
    "import_staff", "parse_date", "plan_import", "read_rows", "template_rows", "_after_bulk_write",
]

EXAMPLE_ROWS = [
    ["s.devries@example.org", "Sanne", "de", "Vries", "20AE", "Zuiderpark College", "PIE;BWI", "Bouwkunde I en II", "2", "30-6-2008", ""],
    ["s.devries@example.org", "Sanne", "de", "Vries", "20AE", "Zuiderpark College", "PIE;BWI", "Metaaltechniek", "2", "1-7-2012", ""],
    ["j.jansen@example.org", "Jeroen", "", "Jansen", "20AE", "Zuiderpark College", "PIE", "PIE", "2", "1-7-2019", "31-7-2027"],
]


def import_staff(data: bytes, *, filename="", school_ids=None, create_schools=False, dry_run=False, by=None):
    """Read, plan and (unless dry_run or any row is bad) apply. Returns the plan."""
    plan = plan_import(read_rows(data, filename), school_ids=school_ids, create_schools=create_schools)
    if plan.ok and not dry_run:
        apply_import(plan, by=by)
    return plan


def template_rows():
    """The downloadable template: Dutch headers, Dutch dates."""
    return list(DUTCH_COLUMNS.values()), EXAMPLE_ROWS
