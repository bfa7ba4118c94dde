"""Load staff and their qualifications from a spreadsheet (the hub loading a region)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...services import staff_import


class Command(BaseCommand):
    help = "Import staff and qualifications from CSV or XLSX; all-or-nothing. Columns: " + ", ".join(staff_import.COLUMNS)

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")
        parser.add_argument(
            "--create-schools", action="store_true",
            help="Create a missing school from `school` (as BRIN) and `school_name`.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            plan = staff_import.import_staff(
                path.read_bytes(), filename=path.name, create_schools=options["create_schools"],
                dry_run=options["dry_run"],
            )
        except staff_import.ImportFileError as error:
            raise CommandError(str(error)) from None
        for change in plan.changes:
            self.stdout.write(f"line {change.line}: {change.kind} {change.what}: {change.description}")
        if not plan.ok:
            for line, reason in plan.errors:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(f"{len(plan.errors)} bad row(s); nothing was written.")
        verb = "would be made (dry run, nothing written)" if options["dry_run"] else "written"
        self.stdout.write(self.style.SUCCESS(f"{plan.rows} rows read; {len(plan.changes)} change(s) {verb}."))
