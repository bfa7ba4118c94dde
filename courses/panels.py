"""Dashboard panels of the learning offer, registered into community's dashboard."""

from community.dashboard import Panel, register_panel  # noqa: F401

# Study-day panels ------------------------------------------------------------------------


# Internship panels -----------------------------------------------------------------------


# Programme panels (trainee dashboard, coach, coordinator) ---------------------------------
