"""Backup, then restore into a fresh database, and compare every table's row count."""

from __future__ import annotations

import sqlite3
import subprocess
import uuid
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from samskapa.core.backup import restore_database
from tests.factories.projects import InvitationFactory, PartnerFactory, lead_of, member_of

pytestmark = pytest.mark.django_db(transaction=True)


def _some_data() -> None:
    """People, organisations, a call, projects with members, partners and an invitation."""
    lead = lead_of()
    project = lead.project_memberships.get().project
    member_of(project)
    PartnerFactory(project=project)
    InvitationFactory(project=project, invited_by=lead)
    lead_of()


def _live_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608  (names from the schema)
            counts[table] = cursor.fetchone()[0]
    return counts


def test_restore_needs_confirmation(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command("restore", tmp_path / "x.db", stdout=StringIO())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's online backup")
def test_sqlite_backup_restores_into_a_fresh_database(tmp_path: Path) -> None:
    _some_data()
    backup = tmp_path / "backup.sqlite3"
    call_command("backup", backup, stdout=StringIO())
    fresh = tmp_path / "fresh.sqlite3"
    restore_database(backup, database=str(fresh))
    restored = sqlite3.connect(fresh)
    try:
        for table, count in _live_counts().items():
            assert restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] == count, table  # noqa: S608
    finally:
        restored.close()
    assert _live_counts()["accounts_user"] > 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
def test_postgresql_backup_restores_into_a_fresh_database(tmp_path: Path, settings: Any) -> None:
    _some_data()
    backup = tmp_path / "backup.dump"
    call_command("backup", backup, stdout=StringIO())
    fresh = f"restore_{uuid.uuid4().hex[:8]}"
    params = connection.settings_dict
    base = [
        "--host",
        str(params["HOST"] or "127.0.0.1"),
        "--port",
        str(params["PORT"] or 5432),
        "--username",
        str(params["USER"] or "postgres"),
    ]
    subprocess.run(["createdb", *base, fresh], check=True)  # noqa: S603, S607
    try:
        restore_database(backup, database=fresh)
        import psycopg

        with psycopg.connect(
            host=params["HOST"] or "127.0.0.1",
            port=params["PORT"] or 5432,
            user=params["USER"] or "postgres",
            dbname=fresh,
        ) as restored:
            for table, count in _live_counts().items():
                row = restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()  # noqa: S608
                assert row is not None and row[0] == count, table
    finally:
        subprocess.run(["dropdb", *base, fresh], check=True)  # noqa: S603, S607
