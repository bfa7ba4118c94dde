"""Wagtail admin registrations; each feature keeps its viewsets in admin_viewsets/<feature>.py."""

from wagtail import hooks

from .admin_viewsets import people  # noqa: F401


@hooks.register("register_admin_viewset")
def register_people_admin():
    return people.people_admin


from .admin_viewsets import gdpr  # noqa: E402


@hooks.register("register_admin_viewset")
def register_gdpr_admin():
    return gdpr.erasure_requests_admin


from .admin_viewsets import dashboard  # noqa: E402


@hooks.register("construct_homepage_panels")
def add_hub_dashboard_panels(request, panels):
    dashboard.hub_dashboard_panels(request, panels)
