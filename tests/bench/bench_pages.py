"""Bench: the main pages served by gunicorn (2 workers, production settings) against a floor.

Run by hand on a database made by `manage.py generate_region` (see the README):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/region CACHE_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python tests/bench/bench_pages.py [--rounds 5] [--requests 20] [--port 8913]

It starts gunicorn on 127.0.0.1 (loopback only) with `tests.bench.bench_settings` (the production
settings, DEBUG=0, plus the floor view `/__bench_floor__/` and a query-count header), logs the
demo roles in by writing sessions, then measures in rounds: in each round every page (and the
floor) gets `--requests` requests from 2 concurrent clients, so that load on the machine hits
them all alike. It prints req/s per page (median of the rounds), the ratio to the floor and the
query count. Bounded: rounds × pages × requests, each request with a 60 s timeout.
"""

import argparse
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ROLES = {
    "teacher": "docent@example.org",
    "trainee": "hybride@example.org",
    "team leader": "teamleider@example.org",
    "hr": "hr@example.org",
    "company": "bedrijf@example.org",
    "hub": "hub@example.org",
    "moderator": "moderator@example.org",
    "coach": "coach@example.org",
}


def pages():
    """(label, role, path) for every page the issue lists, resolved on the generated data."""
    from django.urls import reverse

    from community.models import Person, Post
    from courses.models import StudyDayPage
    from portfolios.models import PortfolioEntry

    teacher = Person.objects.get(email=ROLES["teacher"])
    entry = PortfolioEntry.objects.filter(owner=teacher).order_by("-date", "-pk").first()
    question = Post.objects.filter(kind="question", is_hidden=False).order_by("-pk").first()
    study_day = StudyDayPage.objects.live().order_by("pk").first()
    result = [(f"dashboard ({role})", role, reverse("dashboard")) for role in ROLES]
    result += [
        ("portfolio list", "teacher", reverse("portfolios:portfolio")),
        ("portfolio entry", "teacher", reverse("portfolios:entry_detail", args=[entry.pk])),
        ("my authorisation", "teacher", reverse("portfolios:authorisation_mine")),
        ("HR matrix", "hr", reverse("portfolios:authorisation_matrix")),
        ("regional inventory", "hub", reverse("portfolios:authorisation_inventory")),
        ("study day", "teacher", study_day.url),
        ("community list", "teacher", reverse("community:forum_list")),
        ("question", "teacher", reverse("community:forum_post", args=[question.pk])),
        ("search", "teacher", reverse("community:forum_search") + "?q=lassen"),
    ]
    return result


def session_cookies():
    """Log each demo role in by creating its session (the product's session engine)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from community.models import Person

    engine = import_module(settings.SESSION_ENGINE)
    cookies = {}
    for role, email in ROLES.items():
        person = Person.objects.get(email=email)
        session = engine.SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.save()
        cookies[role] = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    return cookies


def get(port, path, cookie):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status, int(response.getheader("X-Bench-Queries") or -1)
    finally:
        conn.close()


def measure(port, path, cookie, n, clients=2):
    """n requests from `clients` threads; returns (req/s, status codes, the query counts)."""
    statuses, queries, lock = [], [], threading.Lock()
    counter = iter(range(n))

    def worker():
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            status, q = get(port, path, cookie)
            with lock:
                statuses.append(status)
                queries.append(q)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return n / (time.perf_counter() - started), set(statuses), queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--port", type=int, default=8913)
    parser.add_argument("--only", help="comma-separated page labels (default: all)")
    args = parser.parse_args()
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "tests.bench.bench_settings", "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_hex(32), "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "WARNING", "STATICFILES_BACKEND":
        "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    if "DATABASE_URL" not in env:
        sys.exit("Set DATABASE_URL to a database made by `manage.py generate_region`.")
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings

    print(f"database {settings.DATABASES['default']['NAME']} ({settings.DATABASES['default']['ENGINE']}), "
          f"cache {settings.CACHES['default']['BACKEND']}, sessions {settings.SESSION_ENGINE}")
    todo = pages()
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        todo = [p for p in todo if p[0] in wanted]
    cookies = session_cookies()
    todo.append(("floor", "teacher", "/__bench_floor__/"))
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "gunicorn", "tests.bench.bench_urls_wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    try:
        for _ in range(120):  # wait for the server (bounded)
            try:
                get(args.port, "/__bench_floor__/", cookies["teacher"])
                break
            except OSError:
                time.sleep(0.5)
        # Warm up: every page twice per worker (compiled templates, connections, caches).
        for label, role, path in todo:
            rate, statuses, q = measure(args.port, path, cookies[role], 4)
            if statuses != {200}:
                print(f"WARNING {label} {path}: status {statuses}")
        results = {label: [] for label, _r, _p in todo}
        queries = {label: [] for label, _r, _p in todo}
        for r in range(args.rounds):
            for label, role, path in todo:
                rate, _statuses, q = measure(args.port, path, cookies[role], args.requests)
                results[label].append(rate)
                queries[label] += q
            print(f"round {r + 1}/{args.rounds} done; load average {os.getloadavg()[0]:.1f}", flush=True)
        # Each page once more with an empty cache (after the rounds: clearing it would slow them):
        # what a first visit, or the first after a write the page reads, costs. The session is
        # read from the database then too (cached_db sessions), one query more.
        from django.core.cache import cache

        cold = {}
        for label, role, path in todo:
            cache.clear()
            cold[label] = get(args.port, path, cookies[role])[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = statistics.median(results["floor"])
    # Queries: the median request's count, and the most any request took (a cached part
    # renewed after a write or its expiry) when that differs.
    print("\n| page | req/s | × floor | queries (max) | queries, empty cache |\n|---|---:|---:|---:|---:|")
    for label, _role, _path in todo:
        rate = statistics.median(results[label])
        counts = queries[label]
        median, most = int(statistics.median(counts)), max(counts)
        shown = f"{median}" if most == median else f"{median} ({most})"
        print(f"| {label} | {rate:.1f} | {rate / floor:.2f} | {shown} | {cold[label]} |")


if __name__ == "__main__":
    main()
