"""Read-only aggregates of the learning offer, one module per feature."""
