from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samskapa.accounts.models import User
from samskapa.demo import load_demo
from samskapa.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Load the demo world around today's date, or move an earlier one to today (in place). "
        "Runs only in demo mode (DEBUG or SAMSKAPA_DEMO=1): its accounts have a known password."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the database first (flush), then load the demo: a fresh demo world.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load the demo only when the database has no accounts yet (used by make run).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.SAMSKAPA_DEMO:
            raise CommandError(
                "Demo mode is off, so the demo (accounts with a known password) is not loaded. "
                "Turn it on with DEBUG=1 or SAMSKAPA_DEMO=1 — never on a production database."
            )
        if options["if_empty"] and User.objects.exists():
            self.stdout.write(
                "The database already has accounts: the demo is not loaded again, so your "
                "changes stay (`make demo` resets the demo)."
            )
        else:
            if options["reset"]:
                call_command("flush", interactive=False, verbosity=0)
            loaded = load_demo()
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({len(loaded)} parts)."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, _name, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<32} {role or 'project'}")
