"""Every bench page in-process: best time of 3 (after a warm-up) and its query count.

    DATABASE_URL=... CACHE_URL=redis://... .venv/bin/python tests/bench/page_costs.py [--only LABEL,...] [--sql]

The quick loop between `bench_pages.py` runs: same pages, same settings, no gunicorn.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="comma-separated page labels (default: all)")
    parser.add_argument("--sql", action="store_true", help="list the queries of each page")
    args = parser.parse_args()
    os.environ.update({"DJANGO_SETTINGS_MODULE": "tests.bench.bench_settings", "DEBUG": "0",
                       "SECRET_KEY": "bench", "SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "testserver",
                       "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"})
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from community.models import Person
    from tests.bench.bench_pages import ROLES, pages

    todo = pages() + [("floor", "teacher", "/__bench_floor__/")]
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        todo = [p for p in todo if p[0] in wanted]
    clients = {}
    print("| page | ms | queries |\n|---|---:|---:|")
    for label, role, path in todo:
        if role not in clients:
            clients[role] = Client()
            clients[role].force_login(Person.objects.get(email=ROLES[role]))
        client = clients[role]
        status = client.get(path).status_code
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            client.get(path)
            timings.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(f"| {label} | {min(timings) * 1000:.0f} | {len(queries)} |" + ("" if status == 200 else f" status {status}"))
        if args.sql:
            for q in queries:
                print(f"    {q['time']}s {q['sql'][:200]}")


if __name__ == "__main__":
    main()
