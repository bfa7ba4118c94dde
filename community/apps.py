from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import (
            panels,  # noqa: F401  (registers the dashboard panels)
            periodic_jobs,
        )
        from .personal_data import register_community_exporters

        register_community_exporters()
        from . import security_log

        security_log.connect()
        periodic_jobs.register()
