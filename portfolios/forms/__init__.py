"""Forms, one module per feature (authorisation, dossier)."""
