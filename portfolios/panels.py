"""Dashboard panels of the dossier, registered into community's dashboard."""

from community.dashboard import Panel, register_panel  # noqa: F401

# Authorisation panels (status per profile) ----------------------------------------------


# Dossier panels (inventory task, plan, portfolio) ----------------------------------------
