from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Learning offer")

    def ready(self):
        from community.dashboard import watch

        from . import (
            panels,  # noqa: F401  (registers the dashboard panels)
            periodic_jobs,
            personal_data,
        )
        from .services.studyday_page import PAGE_READS

        watch(*PAGE_READS)  # writes there renew the cached study-day pages
        periodic_jobs.register()
        personal_data.register()
        from community import file_cleanup

        from .models import InternshipPlacement

        file_cleanup.register(InternshipPlacement, "deliverable")
