"""What must hold before the app serves requests (called from wsgi.py and asgi.py)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_to_serve_without_secret_key() -> None:
    if getattr(settings, "SECRET_KEY_MISSING", False):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off: refusing to serve.")
