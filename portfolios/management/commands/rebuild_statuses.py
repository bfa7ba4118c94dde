"""Recompute the stored authorisation statuses of every teacher (after a bulk load or a restore)."""

import time

from django.core.management.base import BaseCommand

from ...services.status_store import rebuild_statuses


class Command(BaseCommand):
    help = "Rebuild the stored authorisation status table from the derivation (the source of truth)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        n = rebuild_statuses()
        self.stdout.write(f"{n} statuses stored in {time.perf_counter() - started:.1f} s.")
