from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samskapa.core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo data set (idempotent). Never run this against a production database."

    def handle(self, *args: Any, **options: Any) -> None:
        from samskapa.accounts.demo import DEMO_ACCOUNTS

        loaded = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({len(loaded)} parts)."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, _name, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<32} {role or 'project'}")
