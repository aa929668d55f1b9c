"""Background work of coaching, run by the task framework (`manage.py db_worker` in
production, immediately in development and tests)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks import task

from samskapa.coaching import selectors, services


@task()
def send_action_reminder(action_id: int, site_url: str = "") -> bool:
    return services.send_reminder(action_id=action_id, site_url=site_url)


def enqueue_due_reminders(*, today: datetime.date | None = None, site_url: str = "") -> int:
    """Queue a reminder for every open action due soon (`manage.py send_reminders`, daily).

    Lives here rather than in services so that tasks import services and never the reverse."""
    today = today or timezone.localdate()
    ids = list(
        selectors.actions_due_for_reminder(
            today=today, days_ahead=services.REMINDER_DAYS_AHEAD
        ).values_list("pk", flat=True)
    )
    for action_id in ids:
        send_action_reminder.enqueue(action_id, site_url)
    return len(ids)
