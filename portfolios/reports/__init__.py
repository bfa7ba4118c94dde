"""Read-only aggregates (selectors), one module per feature."""
