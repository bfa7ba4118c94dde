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
        from community import file_cleanup

        from .models import Attachment, QualificationRecord

        file_cleanup.register(QualificationRecord, "scan")
        file_cleanup.register(Attachment, "file", "thumbnail")

        personal_data.register()

        from .services import status_store

        status_store.connect_signals()  # keeps the stored authorisation statuses right

        from community.dashboard import watch

        from .reports.authorisation import RULES_READS
        from .reports.inventory import INVENTORY_READS

        watch(*INVENTORY_READS)  # writes there renew the cached inventory
        watch(*RULES_READS)  # writes there renew the rules each process keeps
