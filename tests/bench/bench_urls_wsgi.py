"""WSGI entry point of the bench server (gunicorn): the product's WSGI app with bench settings."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.bench_settings"

from community.wsgi import application  # noqa: E402,F401
