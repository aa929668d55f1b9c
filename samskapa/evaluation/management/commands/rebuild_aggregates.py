"""`manage.py rebuild_aggregates`: rebuild the stored aggregates of results from the approved
values (after a restore, an import of values into the database by hand, or to check)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samskapa.evaluation import services


class Command(BaseCommand):
    help = "Rebuild the stored aggregates of results from the approved values."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = services.refresh_aggregates()
        if options["verbosity"]:
            self.stdout.write(f"{rows} stored aggregates written.")
