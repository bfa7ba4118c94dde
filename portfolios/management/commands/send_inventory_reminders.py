"""Run daily by the scheduler (cron): enqueue today's needs-inventory reminders."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portfolios.tasks.dossier import send_inventory_reminders


class Command(BaseCommand):
    help = "Enqueue the reminder emails for open needs-inventory rounds (safe to run more than once a day)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Send as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        on = options.get("date") or timezone.localdate().isoformat()
        result = send_inventory_reminders.enqueue(on=on)
        self.stdout.write(f"Enqueued inventory reminders for {on} (task {result.id}).")
