from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from community.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write one archive with the database, the media and private files, and a manifest."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="The archive to write, e.g. backup-2026-12-02.tar.gz")
        parser.add_argument("--database", default="default")

    def handle(self, destination, database, **options):
        path = Path(destination)
        if path.is_dir():
            raise CommandError(f"{path} is a folder: name the archive file to write.")
        try:
            manifest = create_backup(path, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        files = sum(len(files) for files in manifest["files"].values())
        self.stdout.write(
            f"Backup written to {path}: {len(manifest['tables'])} tables, {rows} rows, {files} files."
        )
