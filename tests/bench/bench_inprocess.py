"""In-process timings the issue sets targets for (best of 5, after a warm-up):
`inventory_report` for the region, the regional inventory page, community search for a common word.

    DATABASE_URL=... .venv/bin/python tests/bench/bench_inprocess.py [--word lassen]
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def best(fn, n=5):
    fn()
    timings = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - started)
    return min(timings) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--word", default="lassen")
    args = parser.parse_args()
    os.environ.update({"DJANGO_SETTINGS_MODULE": "tests.bench.bench_settings", "DEBUG": "0",
                       "SECRET_KEY": "bench", "SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "testserver",
                       "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from community.models import Person

    today = timezone.localdate()
    until = today.replace(year=today.year + 2)
    print(f"load average {os.getloadavg()[0]:.1f}")
    ms = best(lambda: call_command("inventory_report", date=today.isoformat(), until=until.isoformat(), stdout=io.StringIO()))
    print(f"inventory_report (region, today): {ms:.0f} ms")
    past = today.replace(year=today.year - 1)
    ms = best(lambda: call_command("inventory_report", date=past.isoformat(), until=until.isoformat(), stdout=io.StringIO()), n=2)
    print(f"inventory_report (region, a year ago: derived, not stored): {ms:.0f} ms")
    hub, teacher = Client(), Client()
    hub.force_login(Person.objects.get(email="hub@example.org"))
    teacher.force_login(Person.objects.get(email="docent@example.org"))
    url = reverse("portfolios:authorisation_inventory")
    print(f"regional inventory page: {best(lambda: hub.get(url)):.0f} ms")
    search = reverse("community:forum_search")
    print(f"search '{args.word}': {best(lambda: teacher.get(search, {'q': args.word})):.0f} ms")


if __name__ == "__main__":
    main()
