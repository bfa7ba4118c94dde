"""Production refuses to serve without SECRET_KEY; management commands still run."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def _run(*args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(DJANGO_SETTINGS_MODULE="community.settings", DEBUG="0", ALLOWED_HOSTS="techniekhub.example.org")
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_app_refuses_to_serve_without_a_secret_key():
    result = _run("-c", "import community.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_management_commands_run_and_the_deploy_check_names_the_missing_key():
    assert _run("manage.py", "check").returncode == 0
    deploy = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert deploy.returncode != 0
    assert "security.W009" in deploy.stderr + deploy.stdout
