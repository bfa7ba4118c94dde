from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from community.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and empty storage, then verify it."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database", default="default")

    def handle(self, archive, database, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        try:
            manifest = restore_backup(path, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Restored and verified {len(manifest['tables'])} tables ({rows} rows) "
            f"and every file's checksum from {path} (made {manifest['created_at']})."
        )
