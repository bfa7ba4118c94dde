from django.urls import path

from .views import authorisation as authorisation_views
from .views import dossier as dossier_views
from .views import dossier_inventory as inventory_views
from .views import dossier_portfolio as portfolio_views
from .views import dossier_reports as dossier_report_views
from .views import hr as hr_views

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
    path("bevoegdheid/overzicht/", _a.matrix_view, name="authorisation_matrix"),
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
    # HR: records waiting for a check (bulk verify, reject with a reason) and the change log.
    path("bevoegdheid/controleren/", hr_views.inbox, name="hr_inbox"),
    path("bevoegdheid/kwalificaties/<int:pk>/afwijzen/", hr_views.record_reject, name="hr_record_reject"),
    path("personeel/wijzigingen/", hr_views.change_log_view, name="hr_change_log"),
    path("personeel/wijzigingen/export/", hr_views.change_log_export, name="hr_change_log_export"),
    path("bevoegdheid/cijfers/", hr_views.school_figures, name="hr_figures"),
    path("bevoegdheid/team/", hr_views.team_status, name="team_status"),
]

# Dossier: needs inventory, development plan, portfolio, showcase, export.
dossier_patterns = [
    path("inventory/", inventory_views.inventory, name="inventory"),
    path("inventory/<int:round_id>/", inventory_views.inventory_round, name="inventory_round"),
    path("inventory/school/", inventory_views.inventory_school, name="inventory_school"),
    path("inventory/overview/", inventory_views.inventory_overview, name="inventory_overview"),
    path("inventory/team/", inventory_views.inventory_team, name="inventory_team"),
    path("plans/", dossier_views.plan_list, name="plan_list"),
    path("plans/new/", dossier_views.plan_create, name="plan_create"),
    path("plans/team/", dossier_views.team_plans, name="team_plans"),
    path("plans/school/", dossier_views.school_plans, name="school_plans"),
    path("plans/<int:pk>/", dossier_views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/step/", dossier_views.plan_transition, name="plan_transition"),
    path("plans/<int:pk>/goals/new/", dossier_views.goal_create, name="goal_create"),
    path("goals/<int:pk>/", dossier_views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/delete/", dossier_views.goal_delete, name="goal_delete"),
    path("goals/<int:pk>/activities/new/", dossier_views.activity_create, name="activity_create"),
    path("activities/<int:pk>/", dossier_views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", dossier_views.activity_delete, name="activity_delete"),
    path("portfolio/", portfolio_views.portfolio, name="portfolio"),
    path("portfolio/new/", portfolio_views.entry_create, name="entry_create"),
    path("portfolio/shared/", portfolio_views.shared_with_me, name="shared_with_me"),
    path("portfolio/<int:pk>/", portfolio_views.entry_detail, name="entry_detail"),
    path("portfolio/<int:pk>/edit/", portfolio_views.entry_edit, name="entry_edit"),
    path("portfolio/<int:pk>/delete/", portfolio_views.entry_delete, name="entry_delete"),
    path("portfolio/<int:pk>/share/", portfolio_views.entry_share, name="entry_share"),
    path("portfolio/<int:pk>/community/", portfolio_views.entry_share_community, name="entry_share_community"),
    path("files/<int:pk>/", portfolio_views.attachment_file, name="attachment_file"),
    path("files/<int:pk>/thumbnail/", portfolio_views.attachment_thumbnail, name="attachment_thumbnail"),
    path("files/<int:pk>/delete/", portfolio_views.attachment_delete, name="attachment_delete"),
    path("showcases/", portfolio_views.showcase_list, name="showcase_list"),
    path("showcases/new/", portfolio_views.showcase_create, name="showcase_create"),
    path("showcases/<int:pk>/", portfolio_views.showcase_edit, name="showcase_edit"),
    path("showcases/<int:pk>/revoke/", portfolio_views.showcase_revoke, name="showcase_revoke"),
    path("showcase/<str:token>/", portfolio_views.showcase_public, name="showcase_public"),
    path("showcase/<str:token>/files/<int:pk>/", portfolio_views.showcase_file, name="showcase_file"),
    path(
        "showcase/<str:token>/files/<int:pk>/thumbnail/",
        portfolio_views.showcase_thumbnail,
        name="showcase_thumbnail",
    ),
    path("export/", dossier_report_views.export_page, name="export"),
    path("export/dossier.pdf", dossier_report_views.export_pdf, name="export_pdf"),
    path("export/dossier.zip", dossier_report_views.export_zip, name="export_zip"),
    path("figures/", dossier_report_views.figures, name="figures"),
]

urlpatterns = [*authorisation_patterns, *dossier_patterns]
