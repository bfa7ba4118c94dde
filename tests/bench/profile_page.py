"""Profile one page in-process (pyinstrument) and list its queries: the step before optimising.

    DATABASE_URL=... .venv/bin/python tests/bench/profile_page.py hr@example.org /dossier/bevoegdheid/overzicht/
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    email, path = sys.argv[1], sys.argv[2]
    os.environ.update({"DJANGO_SETTINGS_MODULE": "tests.bench.bench_settings", "DEBUG": "0",
                       "SECRET_KEY": "profile", "SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "testserver",
                       "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"})
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from community.models import Person

    client = Client()
    client.force_login(Person.objects.get(email=email))
    client.get(path)  # warm up
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    print(f"in-process: best {min(timings) * 1000:.0f} ms")
    with CaptureQueriesContext(connection) as queries:
        profiler = Profiler()
        profiler.start()
        status = client.get(path).status_code
        profiler.stop()
    print(f"status {status}, {len(queries)} queries")
    for q in queries:
        print(f"  {q['time']}s {q['sql'][:160]}")
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
