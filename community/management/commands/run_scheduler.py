"""The scheduler process: runs the periodic jobs (digests, reminders, scheduled publishing).

Run one or several next to the task workers; each job runs once per period whatever their
number (see community/scheduling.py). `make run` starts one.
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from community.scheduling import registered_jobs, run_due_jobs


class Command(BaseCommand):
    help = "Run the periodic jobs when they are due (loops; --once for a single pass)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60, help="Seconds between checks (default 60).")
        parser.add_argument("--once", action="store_true", help="Check once and exit (e.g. from cron).")

    def handle(self, *args, **options):
        self._stop = False
        signal.signal(signal.SIGTERM, self._request_stop)
        signal.signal(signal.SIGINT, self._request_stop)
        names = ", ".join(job.name for job in registered_jobs())
        self.stdout.write(f"Scheduler: {names}; checking every {options['interval']:g} s.")
        while not self._stop:
            if not connection.in_atomic_block:  # a long-lived process drops stale connections
                close_old_connections()
            for name in run_due_jobs():
                self.stdout.write(f"Ran periodic job {name}.")
            if options["once"]:
                break
            deadline = time.monotonic() + options["interval"]
            while not self._stop and time.monotonic() < deadline:
                time.sleep(min(1.0, options["interval"]))

    def _request_stop(self, signum, frame):
        self._stop = True
