from django.core.management.base import BaseCommand

from courses.tasks.notifications import send_all_digests


class Command(BaseCommand):
    help = "Mail every person their pending programme notices as one digest (run every 15 minutes)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_all_digests()} digest(s) sent")
