"""Health endpoints for a load balancer, answered before host checks and redirects.

/health/        liveness: the process answers (touches nothing else)
/health/ready/  readiness: database, cache, storages, and the task worker keeping up
"""

import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

LIVE_PATH = "/health/"
READY_PATH = "/health/ready/"


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("value written was not read back")
    cache.delete(key)
    return "ok"


def _check_storages():
    for alias in ("default", "private"):
        storages[alias].exists("health-probe")  # a HEAD on S3, a stat on disk
    return "ok"


def _check_worker():
    """The worker keeps up when no task that is due has waited longer than the limit."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return "not applicable (tasks run in process)"
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    if oldest is None:
        return "ok (queue empty)"
    waiting = timezone.now() - oldest
    if waiting > timedelta(seconds=settings.HEALTH_WORKER_MAX_WAIT_SECONDS):
        raise RuntimeError(f"a due task has waited {int(waiting.total_seconds())} s: is a worker running?")
    return f"ok (oldest due task waiting {int(waiting.total_seconds())} s)"


CHECKS = {
    "database": _check_database,
    "cache": _check_cache,
    "storage": _check_storages,
    "worker": _check_worker,
}


def live(request):
    return JsonResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


def ready(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except Exception as error:  # noqa: BLE001 - any failure makes the instance not ready
            detail, ok, healthy = f"{type(error).__name__}: {error}"[:300], False, False
        results[name] = {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results},
        status=200 if healthy else 503,
        headers={"Cache-Control": "no-store"},
    )


class HealthCheckMiddleware:
    """First in the chain: a probe by IP address or over plain HTTP must not meet
    ALLOWED_HOSTS (400) or the HTTPS redirect (301)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == LIVE_PATH:
            return live(request)
        if request.path_info == READY_PATH:
            return ready(request)
        return self.get_response(request)
