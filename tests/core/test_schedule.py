"""The scheduler of the daily jobs (`manage.py run_schedule`): each job runs once a day at or
after its time, across restarts and any number of schedulers (claimed in the shared cache)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command

from samskapa.core.management.commands.run_schedule import jobs, run_due

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2030, 3, day, hour, minute, tzinfo=STOCKHOLM)


def test_each_job_runs_once_a_day_at_or_after_its_time() -> None:
    cache.clear()
    daily = jobs("https://samskapa.example.org")
    assert run_due(daily, now=_at(4, 2, 59)) == []
    assert run_due(daily, now=_at(4, 3, 0)) == ["purge"]
    assert run_due(daily, now=_at(4, 6, 0)) == []
    # A scheduler started late in the day (a restart, a second machine) runs what is due once.
    assert run_due(daily, now=_at(4, 18, 0)) == ["send_reminders"]
    assert run_due(daily, now=_at(4, 23, 59)) == []
    assert run_due(daily, now=_at(5, 9, 0)) == ["purge", "send_reminders"]


def test_the_command_once_runs_the_due_jobs_and_exits(capsys: pytest.CaptureFixture[str]) -> None:
    cache.clear()
    with time_machine.travel(_at(4, 8, 0), tick=False):
        call_command("run_schedule", "--site-url", "https://samskapa.example.org", "--once")
        call_command("run_schedule", "--site-url", "https://samskapa.example.org", "--once")
    out = capsys.readouterr().out
    assert out.count("Queued 0 reminder(s).") == 1  # send_reminders ran, and only once
    assert out.count("core.audit_log: deleted") == 1  # purge too
