"""Backup and restore of the whole database, for SQLite and PostgreSQL.

SQLite uses the online backup API (consistent while the site runs); PostgreSQL uses pg_dump's
custom format and pg_restore, which must be on the PATH. Media files are plain files under
MEDIA_ROOT and are backed up with any file tool.

A backup holds everyone's personal data, so its file is readable by its owner only (mode 0600),
from the moment it is created. After a restore, `manage.py restore` re-applies the erasures
made since (samskapa.accounts.erasure_log).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    pass


def _pg_env(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} was not found on the PATH.")
    return path


OWNER_ONLY = 0o600


def _create_private(path: Path) -> None:
    """Create (or empty) the file with owner-only permissions before anything is written."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
    os.close(descriptor)
    os.chmod(path, OWNER_ONLY)  # an existing file keeps its old mode through os.open


def backup_database(path: Path, *, alias: str = "default") -> None:
    connection = connections[alias]
    _create_private(path)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        name = str(connection.settings_dict["NAME"])
        command = [
            _program("pg_dump"),
            "--format=custom",
            "--no-owner",
            *args,
            "--file",
            str(path),
            name,
        ]
        subprocess.run(command, check=True, env=env)  # noqa: S603
    else:
        raise BackupError(f"Backups of {connection.vendor} are not supported.")


def restore_database(path: Path, *, alias: str = "default", database: str | None = None) -> None:
    """Replace the contents of `database` (the configured one by default) with the backup."""
    if not path.exists():
        raise BackupError(f"No backup at {path}.")
    connection = connections[alias]
    if connection.vendor == "sqlite":
        source = sqlite3.connect(path)
        try:
            if database is None:
                connection.ensure_connection()
                source.backup(connection.connection)
            else:
                target = sqlite3.connect(database)
                try:
                    source.backup(target)
                finally:
                    target.close()
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        name = database or str(connection.settings_dict["NAME"])
        command = [
            _program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *args,
            "--dbname",
            name,
            str(path),
        ]
        subprocess.run(command, check=True, env=env)  # noqa: S603
    else:
        raise BackupError(f"Restores of {connection.vendor} are not supported.")
