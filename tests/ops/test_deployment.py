"""The deployment files a school board's IT supplier follows: they must stay true."""

import re
import shutil
import subprocess  # noqa: S404
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _instructions():
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def test_dockerfile_installs_what_pyproject_pins_and_runs_as_a_normal_user():
    lines = _instructions()
    assert re.fullmatch(r"FROM python:3\.1[1-9]-slim-\w+", lines[0]), "a pinned Python base image"
    assert any(line.startswith("COPY pyproject.toml") for line in lines)
    assert "RUN pip install ." in lines, "dependencies come from pyproject.toml, as with make run"
    assert any("collectstatic --noinput" in line for line in lines)
    users = [line for line in lines if line.startswith("USER ")]
    assert users and users[-1] != "USER root"
    assert any(line.startswith("HEALTHCHECK") and "/health/" in line for line in lines)
    assert lines[-1].startswith("CMD") and "community.wsgi" in lines[-1]


def test_dockerignore_keeps_secrets_and_data_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for name in (".env", "db.sqlite3*", "private", "media", ".git"):
        assert name in ignored


def test_procfile_names_every_production_process():
    processes = dict(
        line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip()
    )
    assert "community.wsgi" in processes["web"]
    assert "db_worker" in processes["worker"]
    assert "migrate" in processes["release"]
    assert "run_scheduler" in processes["scheduler"]


def test_the_image_builds_where_a_container_daemon_runs():
    docker = shutil.which("docker")
    if not docker or subprocess.run([docker, "info"], capture_output=True, check=False).returncode:  # noqa: S603
        pytest.skip("no container daemon on this machine: the Dockerfile is checked statically above")
    result = subprocess.run(  # noqa: S603
        [docker, "build", "-q", "-t", "techniekhub-test", str(ROOT)], capture_output=True, text=True,
        check=False, timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_production_settings_pass_the_deploy_check():
    import os
    import secrets
    import sys

    env = {  # a clean environment: the suite's own variables must not leak in
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
        "DJANGO_SETTINGS_MODULE": "community.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "techniekhub.example.org",
        "LOG_FORMAT": "json",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
