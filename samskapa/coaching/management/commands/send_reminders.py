"""Queue reminders for coaching actions coming due. Meant for a daily cron; running it twice
sends nothing twice (each action's reminder is claimed once, see services.send_reminder)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from samskapa.coaching.tasks import enqueue_due_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for agreed coaching actions coming due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site-url",
            default="",
            help="Scheme and host for the link in the e-mail, e.g. https://samskapa.example.se",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = enqueue_due_reminders(site_url=options["site_url"])
        self.stdout.write(f"Queued {count} reminder(s).")
