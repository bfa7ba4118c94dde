from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = _("Dossier")

    def ready(self):
        from . import (
            panels,  # noqa: F401  (registers the dashboard panels)
            periodic_jobs,
            personal_data,
        )

        periodic_jobs.register()

        personal_data.register()
