import json
import logging
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from community.ops.logging import JsonFormatter


@pytest.mark.django_db
def test_liveness_answers_any_host_over_plain_http(client):
    # A probe by IP address over http: no DisallowedHost (400), no https redirect (301).
    with override_settings(ALLOWED_HOSTS=["techniekhub.example.org"], SECURE_SSL_REDIRECT=True):
        response = client.get("/health/", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_liveness_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/health/").status_code == 200


@pytest.mark.django_db
def test_readiness_checks_database_cache_storage_and_worker(client):
    response = client.get("/health/ready/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "worker"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_readiness_fails_when_due_tasks_wait_for_a_worker(client):
    from django_tasks_db.models import DBTaskResult

    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=tasks):
        fresh = client.get("/health/ready/").json()
        assert fresh["checks"]["worker"]["ok"], "an empty queue is fine"
        result = DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}}, task_path="community.tasks.people.x",
            backend_name="default", run_after=timezone.now() - timedelta(hours=1),
        )
        DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - timedelta(hours=1))
        response = client.get("/health/ready/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert not body["checks"]["worker"]["ok"]
    assert "worker" in body["checks"]["worker"]["detail"]
    assert body["checks"]["database"]["ok"]


@pytest.mark.django_db
def test_each_request_is_logged_once_with_status_and_duration(client, caplog, teacher):
    client.force_login(teacher)
    with caplog.at_level(logging.INFO, logger="techniekhub.request"):
        client.get("/dashboard/")
    records = [r for r in caplog.records if r.name == "techniekhub.request"]
    assert len(records) == 1
    record = records[0]
    assert (record.method, record.path, record.status) == ("GET", "/dashboard/", 200)
    assert record.duration_ms >= 0
    assert record.user_id == teacher.pk

    line = json.loads(JsonFormatter().format(record))
    assert line["status"] == 200 and line["path"] == "/dashboard/" and line["level"] == "INFO"
