"""Background work of coaching, run by the task framework (`manage.py db_worker` in
production, immediately in development and tests)."""

from __future__ import annotations

from django_tasks import task

from samskapa.coaching import services


@task()
def send_action_reminder(action_id: int, site_url: str = "") -> bool:
    return services.send_reminder(action_id=action_id, site_url=site_url)
