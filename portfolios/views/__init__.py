"""Views, one module per feature (authorisation, dossier)."""
