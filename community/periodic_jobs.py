"""The community's periodic jobs (registered from CommunityConfig.ready)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils.translation import gettext_lazy as _

from .scheduling import DAILY, WEEKLY, prune_runs, register_job

PUBLISH_EVERY = timedelta(minutes=5)


def _forum_digest(period):
    def run(now):
        from .tasks.forum import send_forum_digests

        return f"task {send_forum_digests.enqueue(period).id}"

    return run


def _publish_scheduled(now):
    # Wagtail's own command: publishes pages whose go-live time passed, unpublishes expired ones.
    call_command("publish_scheduled", verbosity=0)
    return ""


def _prune(now):
    return prune_runs()


def register():
    register_job("forum_digest_daily", label=_("Community digest (daily)"), every=DAILY, run=_forum_digest("daily"), at_hour=7)
    register_job("forum_digest_weekly", label=_("Community digest (weekly)"), every=WEEKLY, run=_forum_digest("weekly"), at_hour=7)
    register_job("publish_scheduled", label=_("Scheduled publishing of pages"), every=PUBLISH_EVERY, run=_publish_scheduled)
    register_job("prune_job_runs", label=_("Clean up old job runs"), every=DAILY, run=_prune, at_hour=3)
