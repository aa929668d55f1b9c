from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samskapa.accounts.services import reapply_erasures
from samskapa.core.backup import BackupError, restore_database


class Command(BaseCommand):
    help = (
        "Replace the database's contents with a backup made by `backup`, then erase again "
        "everyone erased since (the erasure log, SAMSKAPA_ERASURE_LOG)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that the current data will be replaced."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("Restoring replaces all current data. Add --yes to confirm.")
        try:
            restore_database(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored from {options['file']}"))
        erased = reapply_erasures()
        self.stdout.write(f"Erasures re-applied from the erasure log: {len(erased)}")
