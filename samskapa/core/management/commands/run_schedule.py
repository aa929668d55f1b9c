"""The daily jobs on a schedule, for installations without cron (and for `make serve-prod`).

Each job runs once a day at or after its time (Europe/Stockholm). A job's run is claimed in the
shared cache (`cache.add`), so any number of schedulers on any number of machines run it once a
day, and a scheduler started after the job's time still runs it that day.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import time as clock
from typing import Any

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

logger = logging.getLogger("samskapa.schedule")


@dataclass(frozen=True)
class Job:
    command: str
    at: clock
    arguments: tuple[str, ...] = field(default=())


def jobs(site_url: str) -> list[Job]:
    return [
        Job("purge", clock(3, 0)),
        Job("send_reminders", clock(7, 0), ("--site-url", site_url)),
    ]


def run_due(job_list: list[Job], *, now: Any = None) -> list[str]:
    """Runs each job whose time today has come and which no scheduler ran today; returns the
    commands it ran. A job that fails is logged and tried again tomorrow."""
    now = timezone.localtime(now)
    ran = []
    for job in job_list:
        if now.time() < job.at:
            continue
        key = f"schedule:{job.command}:{now.date().isoformat()}"
        if not cache.add(key, now.isoformat(), timeout=2 * 24 * 60 * 60):
            continue  # another scheduler, or this one earlier, ran it today
        logger.info("Running %s", job.command)
        try:
            call_command(job.command, *job.arguments)
        except Exception:
            logger.exception("Scheduled job %s failed", job.command)
            continue
        ran.append(job.command)
    return ran


class Command(BaseCommand):
    help = "Run the daily jobs (purge, coaching reminders) on their schedule; runs until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--site-url",
            required=True,
            help="Scheme and host for links in e-mails, e.g. https://samskapa.example.se",
        )
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs that are due now, then exit."
        )
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between checks (default 60)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        job_list = jobs(options["site_url"])
        # Stopped between jobs by SIGTERM (the process runner, systemd): exit cleanly.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        logger.info(
            "Scheduler started: %s",
            ", ".join(f"{job.command} daily at {job.at:%H:%M}" for job in job_list),
        )
        while True:
            run_due(job_list)
            if options["once"]:
                return
            time.sleep(options["interval"])
