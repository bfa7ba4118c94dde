"""Settings for pytest: fast hashing, in-process cache and tasks, plain static storage."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from community.settings import *  # noqa: E402,F403
from community.settings import STORAGES  # noqa: E402

ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In-process by default; CI's PostgreSQL leg sets TEST_CACHE_URL=redis://... so the shared
# cache path (Redis, as in production) runs the whole suite too. Tests clear it before each test.
if os.environ.get("TEST_CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["TEST_CACHE_URL"]}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
_tmp = tempfile.mkdtemp(prefix="techniekhub-tests-")
MEDIA_ROOT = os.path.join(_tmp, "media")
PRIVATE_ROOT = os.path.join(_tmp, "private")
if not os.environ.get("PRIVATE_STORAGE_URL"):
    STORAGES["private"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
    }
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
LANGUAGE_CODE = "nl"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
