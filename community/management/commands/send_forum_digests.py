"""Send the community's email digests (run from cron: daily, and weekly)."""

from django.core.management.base import BaseCommand

from community.tasks.forum import send_forum_digests


class Command(BaseCommand):
    help = "Queue the daily or weekly community digest emails."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=["daily", "weekly"], required=True)

    def handle(self, *args, **options):
        result = send_forum_digests.enqueue(options["period"])
        self.stdout.write(f"Queued the {options['period']} community digest (task {result.id}).")
