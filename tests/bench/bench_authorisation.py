"""Benchmark: the regional inventory and the HR matrix for a region of 20,000 teachers.

Run by hand (not by pytest):
    .venv/bin/python tests/bench/bench_authorisation.py [--teachers 20000] [--schools 100]
Uses a throwaway SQLite file unless DATABASE_URL points at a fresh, empty PostgreSQL database.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--teachers", type=int, default=20_000)
    parser.add_argument("--schools", type=int, default=100)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-authorisation-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "community.test_settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    # A fresh database: migrate ships the profiles and the conversion table.
    print("database:", settings.DATABASES["default"]["NAME"])
    call_command("migrate", verbosity=0)

    from datetime import date

    from community.models import Membership, Organisation, Person, Role, VmboProfile
    from portfolios.models import (
        ConversionRule,
        QualificationRecord,
        StaffRecord,
        VerificationState,
    )
    from portfolios.reports.inventory import inventory

    started = time.perf_counter()
    profiles = list(VmboProfile.objects.filter(in_inventory=True))
    quals = list({r.qualification_id: r.qualification for r in ConversionRule.objects.select_related("qualification")}.values())
    schools = Organisation.objects.bulk_create(
        [Organisation(name=f"Bench school {i}", kind="school", brin=f"{i:02d}B{chr(65 + i // 100)}"[:4]) for i in range(args.schools)]
    )
    for school in schools:
        school.profiles_offered.set(profiles[: 2 + school.pk % 4])
    people = Person.objects.bulk_create(
        [Person(email=f"bench{i}@example.org", first_name="Bench", last_name=f"Teacher {i:05d}", password="!") for i in range(args.teachers)],
        batch_size=2000,
    )
    memberships = Membership.objects.bulk_create(
        [Membership(person=p, organisation=schools[i % len(schools)], role=Role.TEACHER, start_date=date(2015, 8, 1))
         for i, p in enumerate(people)],
        batch_size=2000,
    )
    through = Membership.profiles.through
    links, records, staff = [], [], []
    for i, m in enumerate(memberships):
        for k in range(1 + i % 2):
            links.append(through(membership_id=m.pk, vmboprofile_id=profiles[(i + k) % len(profiles)].pk))
        if i % 5:
            records.append(QualificationRecord(
                person_id=m.person_id, qualification=quals[i % len(quals)], grade=2, obtained_on=date(2010, 6, 30),
                state=VerificationState.VERIFIED if i % 3 else VerificationState.SUBMITTED,
            ))
        if i % 7 == 0:
            records.append(QualificationRecord(person_id=m.person_id, direct_profile=profiles[i % len(profiles)], grade=2, obtained_on=date(2012, 6, 30)))
        if i % 11 == 0:
            staff.append(StaffRecord(person_id=m.person_id, school_id=m.organisation_id, leaving_on=date(2027, 7, 31)))
    through.objects.bulk_create(links, batch_size=5000)
    QualificationRecord.objects.bulk_create(records, batch_size=5000)
    StaffRecord.objects.bulk_create(staff, batch_size=5000)
    hr = Person.objects.create(email="bench-hr@example.org", first_name="HR", last_name="Bench")
    Membership.objects.create(person=hr, organisation=schools[0], role=Role.HR, start_date=date(2015, 8, 1))
    print(f"generated {args.teachers} teachers, {len(schools)} schools, {len(records)} records, "
          f"{len(links)} profile links in {time.perf_counter() - started:.1f}s "
          f"({connection.vendor})")

    def timed(label, fn, repeat=3):
        best, queries = None, None
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                fn()
                elapsed = time.perf_counter() - t
            best = elapsed if best is None else min(best, elapsed)
            queries = len(ctx)
        print(f"{label}: best of {repeat} {best * 1000:.0f} ms, {queries} queries")

    on, until = date(2026, 10, 1), date(2028, 8, 1)
    timed("inventory report, whole region", lambda: inventory(on=on, until=until))
    timed("inventory report, one school", lambda: inventory(on=on, until=until, school=schools[0]))
    client = Client()
    client.force_login(hr)
    per_school = args.teachers // len(schools)
    timed(f"HR matrix page ({per_school} teachers at the school)",
          lambda: client.get("/dossier/bevoegdheid/overzicht/").status_code == 200 or sys.exit("matrix failed"))
    timed("HR matrix CSV export", lambda: client.get("/dossier/bevoegdheid/overzicht/export/?format=csv"))


if __name__ == "__main__":
    main()
