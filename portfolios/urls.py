from django.urls import path

from .views import authorisation as authorisation_views

app_name = "portfolios"

# Authorisation: qualification records, HR overview, import/export, regional inventory.
_a = authorisation_views
authorisation_patterns = [
    path("bevoegdheid/", _a.mine, name="authorisation_mine"),
    path("bevoegdheid/kwalificaties/nieuw/", _a.record_add, name="authorisation_record_add"),
    path("bevoegdheid/kwalificaties/<int:pk>/wijzigen/", _a.record_edit, name="authorisation_record_edit"),
    path("bevoegdheid/kwalificaties/<int:pk>/verwijderen/", _a.record_delete, name="authorisation_record_delete"),
    path("bevoegdheid/kwalificaties/<int:pk>/verifieren/", _a.record_verify, name="authorisation_record_verify"),
    path("bevoegdheid/kwalificaties/<int:pk>/scan/", _a.record_scan, name="authorisation_record_scan"),
    path("bevoegdheid/overzicht/", _a.matrix, name="authorisation_matrix"),
    path("bevoegdheid/overzicht/export/", _a.matrix_export, name="authorisation_matrix_export"),
    path("bevoegdheid/docenten/<int:pk>/", _a.person_detail, name="authorisation_person"),
    path("bevoegdheid/docenten/<int:pk>/kwalificaties/nieuw/", _a.person_record_add, name="authorisation_person_record_add"),
    path(
        "bevoegdheid/docenten/<int:pk>/hr/<int:school_pk>/", _a.person_staff_edit, name="authorisation_person_staff_edit"
    ),
    path("bevoegdheid/import/", _a.import_staff, name="authorisation_import"),
    path("bevoegdheid/import/sjabloon/", _a.import_template, name="authorisation_import_template"),
    path("bevoegdheid/inventarisatie/", _a.inventory, name="authorisation_inventory"),
    path("bevoegdheid/inventarisatie/export/", _a.inventory_export, name="authorisation_inventory_export"),
]

# Dossier: needs inventory, development plan, portfolio, showcase, export.
dossier_patterns = []

urlpatterns = [*authorisation_patterns, *dossier_patterns]
