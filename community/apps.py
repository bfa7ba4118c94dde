from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import (
            panels,  # noqa: F401  (registers the dashboard panels)
            periodic_jobs,
        )
        from .dashboard import watch
        from .pagination_keys import FORUM_LIST_READS, PAGE_SEARCH_READS, RELATED_READS
        from .personal_data import register_community_exporters

        watch(*FORUM_LIST_READS)  # the forum list's cached total (community.pagination)
        watch(*RELATED_READS)  # a question's related section (views.forum_posts)
        watch(*PAGE_SEARCH_READS)  # search's index of articles and study days (selectors.forum)

        register_community_exporters()
        from . import security_log

        security_log.connect()
        periodic_jobs.register()
        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="community-cache-table")


def _create_cache_table(using="default", **kwargs):
    """A fresh database works with the default database cache right after `migrate` (idempotent)."""
    from django.conf import settings
    from django.core.management import call_command

    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)
