"""Print the regional inventory (section A.5 of the plan) for a reference date and period."""

import csv
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from community.models import Organisation

from ...reports.inventory import inventory, inventory_table


def _date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {text}") from None


class Command(BaseCommand):
    help = "Counts per profile: authorised, needs_upskilling, without_route, leaving, needs_deepening, needed_for_growth."

    def add_arguments(self, parser):
        parser.add_argument("--date", required=True, help="Reference date, YYYY-MM-DD.")
        parser.add_argument("--until", required=True, help="End of the period, YYYY-MM-DD.")
        parser.add_argument("--school", help="BRIN code of one school (default: the whole region).")
        parser.add_argument("--format", choices=["csv"], default="csv")

    def handle(self, *args, **options):
        on, until = _date(options["date"]), _date(options["until"])
        if until < on:
            raise CommandError("--until must not come before --date.")
        school = None
        if options["school"]:
            school = Organisation.objects.schools().filter(brin__iexact=options["school"]).first()
            if school is None:
                raise CommandError(f"Unknown school BRIN: {options['school']}")
        headers, rows = inventory_table(inventory(on=on, until=until, school=school))
        writer = csv.writer(self.stdout if self.stdout else sys.stdout, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
