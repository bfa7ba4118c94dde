"""Backup → restore → identical: every table's rows and every file's checksum, on the database
the suite runs on (SQLite by default, PostgreSQL in CI's second leg)."""

import copy
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend
from django.test import override_settings

from community.ops.backup import MANIFEST, storage_checksums
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _rows(alias):
    conn = connections[alias]
    tables = {}
    with conn.cursor() as cursor:
        for table in sorted(conn.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {conn.ops.quote_name(table)}")  # noqa: S608
            tables[table] = sorted(cursor.fetchall(), key=repr)
    return tables


@pytest.fixture
def target(tmp_path):
    """An empty database (a new SQLite file, or a new PostgreSQL database) under the alias
    'restored', and empty disk storages to restore into."""
    settings_dict = copy.deepcopy(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    else:
        settings_dict["NAME"] = f"{connection.settings_dict['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {settings_dict['NAME']}")
            cursor.execute(f"CREATE DATABASE {settings_dict['NAME']}")
    # Registered as a dynamic connection (not in settings), which the test isolation allows.
    wrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias="restored")
    connections._connections.restored = wrapper
    storages_setting = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "media")}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield storages_setting
    wrapper.close()
    delattr(connections._connections, "restored")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {settings_dict['NAME']}")


def _some_data():
    membership = MembershipFactory()
    person = membership.person
    person.photo.save("photo.jpg", ContentFile(b"\xff\xd8private photo bytes"), save=True)
    storages["default"].save("images/hub/poster.png", ContentFile(b"\x89PNG public image"))
    return person


def test_backup_then_restore_gives_identical_rows_and_files(tmp_path, target):
    _some_data()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))

    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert MANIFEST in names
    assert any(name.startswith("files/private/") for name in names)
    assert "files/default/images/hub/poster.png" in names

    source_files = {alias: storage_checksums(storages[alias]) for alias in ("default", "private")}
    with override_settings(STORAGES=target):
        call_command("restore", str(archive), database="restored")
        restored_files = {alias: storage_checksums(storages[alias]) for alias in ("default", "private")}

    assert restored_files == source_files
    assert _rows("restored") == _rows("default")


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, target):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    with override_settings(STORAGES=target), pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))  # the live, migrated database


def test_restore_refuses_a_damaged_archive(tmp_path, target):
    archive = tmp_path / "backup.tar.gz"
    archive.write_bytes(b"not a tar file")
    with override_settings(STORAGES=target), pytest.raises(CommandError, match="not a TechniekHub backup"):
        call_command("restore", str(archive), database="restored")
