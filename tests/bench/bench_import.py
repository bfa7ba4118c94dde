"""Benchmark: importing a 20,000-row staff file (Dutch-Excel CSV) into a fresh database.

Run by hand (not by pytest):
    .venv/bin/python tests/bench/bench_import.py [--rows 20000] [--schools 100]
Uses a throwaway SQLite file unless DATABASE_URL points at a fresh, empty PostgreSQL database.
Prints the time to read, to validate (no transaction) and to write (the one transaction),
then imports the same file again (nothing changes, nothing written).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def make_file(rows: int, schools: list[tuple[str, str]], qualifications: list[str]) -> bytes:
    """Two rows per person (two qualifications), Dutch headers, semicolons, BOM, d-m-yyyy."""
    lines = ["e-mailadres;voornaam;tussenvoegsel;achternaam;brin;schoolnaam;profielen;kwalificatie;graad;behaald_op;vertrekdatum"]
    profiles = ["PIE;BWI", "BWI", "PIE", "D&P", "M&T", "MVI", "MaT"]
    for n in range(rows):
        person = n // 2
        brin, name = schools[person % len(schools)]
        qualification = qualifications[(person + n % 2) % len(qualifications)]
        leaving = f"31-7-{2027 + person % 10}" if person % 7 == 0 else ""
        lines.append(";".join([
            f"docent{person}@example.org", f"Voornaam{person}", "van" if person % 5 == 0 else "", f"Achternaam{person}",
            brin, name, f'"{profiles[person % len(profiles)]}"', qualification, "2",
            f"{1 + person % 28}-{1 + person % 12}-{1990 + person % 30}", leaving,
        ]))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--schools", type=int, default=100)
    parser.add_argument("--profile", action="store_true", help="Print where the write step spends its time.")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-import-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "community.test_settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    print("database:", settings.DATABASES["default"]["NAME"])
    call_command("migrate", verbosity=0)
    from community.models import Organisation, Person
    from portfolios.models import Qualification, QualificationRecord
    from portfolios.services import staff_import

    schools = []
    for i in range(args.schools):
        brin = f"{10 + i // 26:02d}{chr(65 + i % 26)}X"
        Organisation.objects.get_or_create(brin=brin, defaults={"name": f"School {i}", "kind": "school"})
        schools.append((brin, f"School {i}"))
    qualifications = list(Qualification.objects.values_list("name", flat=True)[:20])
    data = make_file(args.rows, schools, qualifications)
    print(f"file: {args.rows} rows, {len(data) / 1e6:.1f} MB")

    started = time.perf_counter()
    rows = staff_import.read_rows(data, "personeel.csv")
    read = time.perf_counter()
    plan = staff_import.plan_import(rows)
    planned = time.perf_counter()
    assert plan.ok, plan.errors[:5]
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        written = profiler.runcall(staff_import.apply_import, plan)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    else:
        written = staff_import.apply_import(plan)
    done = time.perf_counter()
    print(f"read      {read - started:6.2f} s")
    print(f"validate  {planned - read:6.2f} s  (no transaction open)")
    print(f"write     {done - planned:6.2f} s  (the one transaction; {written} changes)")
    print(f"total     {done - started:6.2f} s")
    print(f"people {Person.objects.count()}, records {QualificationRecord.objects.count()}, "
          f"history {QualificationRecord.history.count()}")

    started = time.perf_counter()
    again = staff_import.import_staff(data, filename="personeel.csv")
    print(f"re-import {time.perf_counter() - started:6.2f} s  ({len(again.changes)} changes)")
    connection.close()


if __name__ == "__main__":
    main()
