"""Backup and restore: one archive with a consistent database dump, the media and private
files, and a manifest (format, platform version, migrations, rows per table, file checksums).

The database dump comes first (pg_dump's snapshot on PostgreSQL, SQLite's online backup API),
then the files: a file uploaded while the backup runs may be missing from it, never half-copied.
Files are read and written through the configured storages, so disk and S3 work alike.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore with argument lists, no shell
import tarfile
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

from django.core.files.base import File
from django.core.files.storage import storages
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 1
STORAGE_ALIASES = ("default", "private")
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something a person running backup or restore must fix; the message says what."""


def _platform_version() -> str:
    try:
        return version("techniekhub")
    except PackageNotFoundError:
        return "unknown"


def table_counts(using: str = "default") -> dict[str, int]:
    connection = connections[using]
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def storage_paths(storage, folder: str = ""):
    """Every file in a storage, as relative POSIX paths, sorted."""
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    paths = [str(PurePosixPath(folder, name)) if folder else name for name in files]
    for sub in dirs:
        paths.extend(storage_paths(storage, str(PurePosixPath(folder, sub)) if folder else sub))
    return sorted(paths)


def storage_checksums(storage) -> dict[str, dict]:
    result = {}
    for path in storage_paths(storage):
        digest, size = hashlib.sha256(), 0
        with storage.open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
        result[path] = {"sha256": digest.hexdigest(), "size": size}
    return result


def _pg_env_and_args(settings_dict) -> tuple[dict, list[str]]:
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    return env, args + ["--dbname", settings_dict["NAME"]]


def _run(command: list[str], env: dict) -> None:
    if not shutil.which(command[0]):
        raise BackupError(f"{command[0]} is not installed (Debian package postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _sqlite_copy(connection, path: Path, *, to_file: bool) -> None:
    """SQLite's online backup API, from the live database to a file or back."""
    connection.ensure_connection()
    other = sqlite3.connect(path)
    try:
        source, target = (connection.connection, other) if to_file else (other, connection.connection)
        source.backup(target)
    finally:
        other.close()


def _dump_database(using: str, target: Path) -> str:
    connection = connections[using]
    if connection.vendor == "sqlite":
        _sqlite_copy(connection, target, to_file=True)
        return "db.sqlite3"
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(target), *args], env)
        return "db.pgdump"
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _migrations(using: str) -> dict[str, str]:
    latest = {}
    for app, name in MigrationRecorder(connections[using]).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def create_backup(destination: Path, *, using: str = "default") -> dict:
    """Write the archive (a .tar.gz) and return its manifest."""
    destination = Path(destination)
    with tempfile.TemporaryDirectory(prefix="techniekhub-backup-") as tmp:
        dump_path = Path(tmp) / "database"
        dump_name = _dump_database(using, dump_path)
        manifest = {
            "format": FORMAT_VERSION,
            "platform_version": _platform_version(),
            "created_at": timezone.now().isoformat(),
            "database": {
                "vendor": connections[using].vendor,
                "file": f"database/{dump_name}",
                "sha256": _file_sha256(dump_path),
            },
            "migrations": _migrations(using),
            "tables": table_counts(using),
            "files": {},
        }
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump_path, arcname=manifest["database"]["file"])
            for alias in STORAGE_ALIASES:
                storage = storages[alias]
                manifest["files"][alias] = {}
                for path in storage_paths(storage):
                    manifest["files"][alias][path] = _add_stored_file(archive, storage, alias, path)
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        partial.replace(destination)  # a crashed backup never looks like a finished one
    return manifest


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _add_stored_file(archive: tarfile.TarFile, storage, alias: str, path: str) -> dict:
    with tempfile.TemporaryFile() as spool:
        digest, size = hashlib.sha256(), 0
        with storage.open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                spool.write(chunk)
        spool.seek(0)
        info = tarfile.TarInfo(f"files/{alias}/{path}")
        info.size = size
        archive.addfile(info, spool)
    return {"sha256": digest.hexdigest(), "size": size}


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.load(member)
    except (OSError, tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a TechniekHub backup ({error}).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore_backup(archive_path: Path, *, using: str = "default") -> dict:
    """Restore into an empty database and empty storages, then verify against the manifest."""
    archive_path = Path(archive_path)
    manifest = read_manifest(archive_path)
    connection = connections[using]
    if manifest["database"]["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup holds a {manifest['database']['vendor']} database; "
            f"the target is {connection.vendor}."
        )
    if connection.introspection.table_names():
        raise BackupError("The target database is not empty: restore only into a new database.")
    for alias in STORAGE_ALIASES:
        if storage_paths(storages[alias]):
            raise BackupError(f"The {alias!r} storage is not empty: restore only into empty storage.")

    with tarfile.open(archive_path, "r:gz") as archive, tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "database"
        with archive.extractfile(manifest["database"]["file"]) as source, open(dump, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        if _file_sha256(dump) != manifest["database"]["sha256"]:
            raise BackupError("The database dump in the archive is damaged (checksum differs).")
        _load_database(using, dump)
        for member in archive:
            if member.isfile() and member.name.startswith("files/"):
                _restore_file(archive, member, manifest)

    problems = verify(manifest, using=using)
    if problems:
        raise BackupError("Restored, but it differs from the manifest:\n" + "\n".join(problems))
    return manifest


def _load_database(using: str, dump: Path) -> None:
    connection = connections[using]
    if connection.vendor == "sqlite":
        _sqlite_copy(connection, dump, to_file=False)
        return
    env, args = _pg_env_and_args(connection.settings_dict)
    _run(["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction",
          *args, str(dump)], env)


def _restore_file(archive: tarfile.TarFile, member: tarfile.TarInfo, manifest: dict) -> None:
    _, alias, path = member.name.split("/", 2)
    parts = PurePosixPath(path).parts
    if alias not in STORAGE_ALIASES or not parts or ".." in parts or path.startswith("/"):
        raise BackupError(f"Unexpected file in the archive: {member.name}")
    expected = manifest["files"].get(alias, {}).get(path)
    if expected is None:
        raise BackupError(f"{member.name} is not listed in the manifest.")
    source = archive.extractfile(member)
    saved = storages[alias].save(path, File(source, name=path))
    if saved != path:
        raise BackupError(f"{alias}: {path} was stored as {saved}.")


def verify(manifest: dict, *, using: str = "default") -> list[str]:
    problems = []
    counts = table_counts(using)
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"table {table}: {counts.get(table)} rows, expected {expected}")
    for alias, files in manifest["files"].items():
        actual = storage_checksums(storages[alias])
        for path, expected in files.items():
            if actual.get(path, {}).get("sha256") != expected["sha256"]:
                problems.append(f"{alias}: {path} missing or different")
    return problems
