from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from samskapa.core import retention


class Command(BaseCommand):
    help = "Delete data whose retention period has passed (run daily from cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run: bool = options["dry_run"]
        now = timezone.now()
        verb = "would delete" if dry_run else "deleted"
        for rule in retention.rules():
            with transaction.atomic():
                count = rule.run(now=now, dry_run=dry_run)
            self.stdout.write(f"{rule.key}: {verb} {count} ({rule.description})")
