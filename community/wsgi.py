import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings")
application = get_wsgi_application()

from community.serving import refuse_to_serve_without_secret_key  # noqa: E402

refuse_to_serve_without_secret_key()
