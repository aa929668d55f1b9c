"""Queue reminders for coaching actions coming due. Meant for a daily cron; running it twice
sends nothing twice (each action's reminder is claimed once)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from samskapa.coaching.services import enqueue_due_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for agreed coaching actions coming due."

    def handle(self, *args: Any, **options: Any) -> None:
        count = enqueue_due_reminders(site_url=getattr(settings, "SAMSKAPA_SITE_URL", ""))
        self.stdout.write(f"Queued {count} reminder(s).")
