"""The learning offer's periodic jobs (registered from CoursesConfig.ready)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from community.scheduling import register_job


def _programme_digests(now):
    from .tasks.notifications import send_all_digests

    return f"{send_all_digests()} digest(s)"


def register():
    register_job(
        "programme_digests", label=_("Programme notices (one mail per person)"),
        every=timedelta(minutes=15), run=_programme_digests,
    )
