from django.urls import path  # noqa: F401

app_name = "portfolios"

# Authorisation: qualification records, HR overview, import/export, regional inventory.
authorisation_patterns = []

# Dossier: needs inventory, development plan, portfolio, showcase, export.
dossier_patterns = []

urlpatterns = [*authorisation_patterns, *dossier_patterns]
