"""Backup → erasure → restore ends without the erased person: the erasure log (a file outside
the database, keyed hashes only) makes `restore` erase them again. On SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import stat
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from samskapa.accounts.models import User
from samskapa.accounts.services import erase_user
from samskapa.conference.models import Registration
from tests.factories.accounts import UserFactory
from tests.factories.conference import RegistrationFactory
from tests.factories.projects import lead_of

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "postgresql" and shutil.which("pg_restore") is None,
        reason="pg_dump and pg_restore",
    ),
]

EMAIL = "glomd@example.se"


def _backup(tmp_path: Path) -> Path:
    backup = tmp_path / ("backup.dump" if connection.vendor == "postgresql" else "backup.db")
    call_command("backup", backup, stdout=StringIO())
    return backup


def test_backups_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    existing = tmp_path / "backup.db"
    existing.write_bytes(b"")
    existing.chmod(0o644)  # an older file in the way keeps no wider mode
    call_command("backup", existing, stdout=StringIO())
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_restore_erases_again_whoever_was_erased_after_the_backup(
    tmp_path: Path, settings: Any
) -> None:
    person = UserFactory(email=EMAIL, name="Greta Glömd")
    project = lead_of(user=person).project_memberships.get().project
    lead_of(project)
    RegistrationFactory(email=EMAIL, name="Greta Glömd")
    backup = _backup(tmp_path)
    erase_user(user=person, by=person)

    out = StringIO()
    call_command("restore", backup, "--yes", stdout=out)

    assert "Erasures re-applied from the erasure log: 1" in out.getvalue()
    assert not User.objects.filter(email__iexact=EMAIL).exists()
    assert not User.objects.filter(name="Greta Glömd").exists()
    assert not Registration.objects.filter(email__iexact=EMAIL).exists()
    assert User.objects.get(pk=person.pk).erased_at is not None
    # The log names nobody: only keyed hashes.
    log = Path(settings.SAMSKAPA_ERASURE_LOG).read_text()
    assert EMAIL not in log and "glömd" not in log.lower()
    assert stat.S_IMODE(Path(settings.SAMSKAPA_ERASURE_LOG).stat().st_mode) == 0o600


def test_a_new_account_with_an_erased_address_survives_a_restore(tmp_path: Path) -> None:
    first = UserFactory(email=EMAIL)
    erase_user(user=first, by=first)
    later = UserFactory(email=EMAIL, name="Ny person")  # opened after the erasure
    backup = _backup(tmp_path)

    call_command("restore", backup, "--yes", stdout=StringIO())

    assert User.objects.get(pk=later.pk).email == EMAIL
