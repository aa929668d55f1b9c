"""python manage.py import_projects FILE [--call REF] [--site-url URL] [--dry-run]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samskapa.projects import importer
from samskapa.projects.models import Call


class Command(BaseCommand):
    help = "Import granted projects from an .xlsx or .csv file: all rows or none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--call", help="reference number of the call, e.g. 2023/00187")
        parser.add_argument("--dry-run", action="store_true", help="check and show, write nothing")
        parser.add_argument(
            "--site-url",
            default="",
            help="the address Samskapa is served at, e.g. https://samskapa.example.se; "
            "with it each new project's contact e-mail is invited as project lead",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        call = None
        if options["call"]:
            call = Call.objects.filter(reference=options["call"]).first()
            if call is None:
                raise CommandError(f"No call with the reference number {options['call']}.")
        if path.stat().st_size > importer.MAX_FILE_BYTES:
            raise CommandError(
                f"The file is larger than {importer.MAX_FILE_BYTES // 1024**2} MB: split it."
            )
        parsed = importer.parse_file(path.read_bytes(), path.name)
        if parsed.unknown:
            self.stdout.write("Ignored columns: " + ", ".join(parsed.unknown))
        plan = importer.plan_import(parsed, call=call)
        if plan.errors:
            for line in importer.issues_as_text(plan.errors):
                self.stderr.write(line)
            raise CommandError(f"{len(plan.errors)} errors: nothing was imported.")
        summary = (
            f"{plan.count('create')} new, {plan.count('update')} updated, "
            f"{plan.count('unchanged')} unchanged"
        )
        if options["dry_run"]:
            for row in plan.rows:
                changed = f" ({', '.join(row.changed)})" if row.changed else ""
                self.stdout.write(f"row {row.row}: {row.number} {row.action}{changed}")
            self.stdout.write(f"Dry run: {summary}. Nothing was written.")
            return
        result = importer.commit_import(
            parsed, call=call, site_url=options["site_url"], progress=self._progress
        )
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {result.created} new, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
        if options["site_url"]:
            self.stdout.write(f"Invitations sent to {result.invited} new project leads.")
        elif result.created:
            self.stdout.write(
                "No invitations sent: give --site-url to invite each new project's lead."
            )

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
