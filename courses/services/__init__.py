"""Write operations of the learning offer, one module per feature."""
