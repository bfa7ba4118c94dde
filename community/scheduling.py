"""Periodic jobs without a hand-made cron: one registry, run by `manage.py run_scheduler`.

Apps register their jobs from AppConfig.ready() (community knows none of the others):

    register_job("inventory_reminders", label=_("..."), every=DAILY, run=callable)

Every tick, each scheduler asks which jobs are due and claims each job's current period by
inserting a unique (job, period) row: with any number of schedulers or workers a job runs
exactly once per period, on SQLite and PostgreSQL alike. A scheduler that was down catches
up on the current period only, never on missed ones.
"""

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

DAILY = "daily"
WEEKLY = "weekly"


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    label: str
    every: str | timedelta  # DAILY, WEEKLY, or an interval that divides a day (e.g. 5 minutes)
    run: Callable[[datetime], str | int | None]
    at_hour: int = 0  # daily and weekly jobs: not before this local hour

    def period(self, now: datetime) -> str | None:
        """The period `now` falls in, or None while the job is not due yet in it."""
        local = timezone.localtime(now)
        if self.every == DAILY:
            return local.date().isoformat() if local.hour >= self.at_hour else None
        if self.every == WEEKLY:
            year, week, _day = local.isocalendar()
            return f"{year}-W{week:02d}" if (local.weekday(), local.hour) >= (0, self.at_hour) else None
        seconds = int(self.every.total_seconds())
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        slot = int((local - midnight).total_seconds()) // seconds * seconds
        return (midnight + timedelta(seconds=slot)).strftime("%Y-%m-%dT%H:%M")


_JOBS: dict[str, PeriodicJob] = {}


def register_job(name, *, label, every, run, at_hour=0) -> PeriodicJob:
    job = PeriodicJob(name=name, label=label, every=every, run=run, at_hour=at_hour)
    _JOBS[name] = job
    return job


def unregister_job(name) -> None:
    _JOBS.pop(name, None)


def registered_jobs() -> list[PeriodicJob]:
    return list(_JOBS.values())


def _runner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:200]


def _retry_when_locked(write, attempts=20):
    """SQLite answers "database is locked" to a writer racing another; wait a moment and retry
    (PostgreSQL queues writers itself and never gets here)."""
    for attempt in range(attempts):
        try:
            return write()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return None


def claim(job: PeriodicJob, period: str):
    """Insert the (job, period) row; None when another scheduler claimed it first."""
    from .models import PeriodicJobRun

    def insert():
        try:
            with transaction.atomic():
                return PeriodicJobRun.objects.create(job=job.name, period=period, runner=_runner())
        except IntegrityError:
            return None

    return _retry_when_locked(insert)


def run_due_jobs(now: datetime | None = None) -> list[str]:
    """Run every job whose current period nobody has claimed yet; returns the names run."""
    from .models import JobRunStatus

    now = now or timezone.now()
    ran = []
    for job in registered_jobs():
        period = job.period(now)
        if period is None:
            continue
        run = claim(job, period)
        if run is None:
            continue
        try:
            result = job.run(now)
        except Exception as exc:  # a failing job must not stop the scheduler or the other jobs
            logger.exception("Periodic job %s failed for %s", job.name, period)
            run.status, run.message = JobRunStatus.FAILED, f"{type(exc).__name__}: {exc}"[:500]
        else:
            run.status, run.message = JobRunStatus.DONE, ("" if result is None else str(result))[:500]
        run.finished_at = timezone.now()
        _retry_when_locked(lambda run=run: run.save(update_fields=["status", "message", "finished_at"]))
        ran.append(job.name)
    return ran


def last_runs() -> list[tuple[PeriodicJob, object]]:
    """Each registered job with its latest run (or None), for hub staff's dashboard."""
    from .models import PeriodicJobRun

    # One indexed query per job (a handful): the run table grows by hundreds of rows a day.
    return [(job, PeriodicJobRun.objects.filter(job=job.name).first()) for job in registered_jobs()]


def prune_runs(*, keep_days=90) -> int:
    from .models import PeriodicJobRun

    deleted, _ = PeriodicJobRun.objects.filter(started_at__lt=timezone.now() - timedelta(days=keep_days)).delete()
    return deleted
