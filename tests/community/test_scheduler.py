"""Periodic jobs: due per period, exactly once with several schedulers, failures recorded."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from community import scheduling
from community.models import JobRunStatus, PeriodicJobRun

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def jobs(monkeypatch):
    """Replace the registry with counting jobs: calls[name] -> number of runs."""
    monkeypatch.setattr(scheduling, "_JOBS", {})
    calls = {}
    lock = threading.Lock()

    def counting(name):
        def run(now):
            with lock:
                calls[name] = calls.get(name, 0) + 1
            return "ok"

        return run

    scheduling.register_job("daily", label="d", every=scheduling.DAILY, run=counting("daily"), at_hour=7)
    scheduling.register_job("weekly", label="w", every=scheduling.WEEKLY, run=counting("weekly"))
    scheduling.register_job("often", label="o", every=timedelta(minutes=5), run=counting("often"))
    return calls


def test_periods_of_daily_weekly_and_frequent_jobs():
    daily = scheduling.PeriodicJob("d", "d", scheduling.DAILY, lambda now: None, at_hour=7)
    weekly = scheduling.PeriodicJob("w", "w", scheduling.WEEKLY, lambda now: None)
    often = scheduling.PeriodicJob("o", "o", timedelta(minutes=5), lambda now: None)
    assert daily.period(at(2026, 12, 2, 6, 59)) is None
    assert daily.period(at(2026, 12, 2, 7, 0)) == "2026-12-02"
    assert weekly.period(at(2026, 12, 2, 12, 0)) == weekly.period(at(2026, 12, 6, 23, 0)) == "2026-W49"
    assert weekly.period(at(2026, 12, 7, 0, 1)) == "2026-W50"
    assert often.period(at(2026, 12, 2, 9, 4)) == "2026-12-02T09:00"
    assert often.period(at(2026, 12, 2, 9, 5)) == "2026-12-02T09:05"


@pytest.mark.django_db
def test_each_job_runs_once_per_period(jobs):
    monday_morning = at(2026, 12, 7, 8, 1)
    assert sorted(scheduling.run_due_jobs(monday_morning)) == ["daily", "often", "weekly"]
    assert scheduling.run_due_jobs(monday_morning + timedelta(minutes=2)) == []
    assert scheduling.run_due_jobs(monday_morning + timedelta(minutes=5)) == ["often"]
    assert sorted(scheduling.run_due_jobs(monday_morning + timedelta(days=1))) == ["daily", "often"]
    assert jobs == {"daily": 2, "weekly": 1, "often": 3}
    assert PeriodicJobRun.objects.filter(status=JobRunStatus.DONE, finished_at__isnull=False).count() == 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schedulers_at_once_run_each_job_once(jobs):
    """Several schedulers tick at the same moment (own database connections, as separate
    processes would): the unique (job, period) row lets exactly one of them run each job."""
    now = at(2026, 12, 7, 9, 0)
    schedulers = 4
    barrier = threading.Barrier(schedulers)
    errors = []

    def scheduler():
        try:
            barrier.wait()
            for minute in range(0, 11):  # ticks over ten minutes: three five-minute periods
                scheduling.run_due_jobs(now + timedelta(minutes=minute))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(schedulers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert jobs == {"daily": 1, "weekly": 1, "often": 3}
    assert PeriodicJobRun.objects.count() == 5


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_the_others_still_run(jobs):
    def broken(now):
        raise RuntimeError("mail server down")

    scheduling.register_job("broken", label="b", every=scheduling.DAILY, run=broken)
    assert "daily" in scheduling.run_due_jobs(at(2026, 12, 7, 9, 0))
    run = PeriodicJobRun.objects.get(job="broken")
    assert run.status == JobRunStatus.FAILED and "mail server down" in run.message
    assert jobs["daily"] == 1


@pytest.mark.django_db
def test_the_scheduler_publishes_a_page_whose_go_live_time_passed(hub_staff):
    from community.models import ArticleIndexPage, ArticlePage, HomePage

    index = ArticleIndexPage(title="Artikelen", slug="artikelen")
    HomePage.objects.first().add_child(instance=index)
    article = ArticlePage(title="Later live", slug="later-live", date=timezone.localdate(), live=False)
    index.add_child(instance=article)
    article.go_live_at = timezone.now() + timedelta(minutes=3)
    article.save_revision(user=hub_staff, approved_go_live_at=article.go_live_at)
    article.refresh_from_db()
    assert not article.live

    names = {job.name for job in scheduling.registered_jobs()}
    assert {
        "publish_scheduled", "inventory_reminders", "forum_digest_daily", "forum_digest_weekly", "programme_digests"
    } <= names
    publish = next(job for job in scheduling.registered_jobs() if job.name == "publish_scheduled")
    publish.run(timezone.now())
    article.refresh_from_db()
    assert not article.live  # not yet
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=5)):
        call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    article.refresh_from_db()
    assert article.live
    assert PeriodicJobRun.objects.filter(job="publish_scheduled", status=JobRunStatus.DONE).exists()
