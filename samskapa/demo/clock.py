"""The demo's calendar: every date in the demo world is derived from one `today`.

Two kinds of dates are made from it:

- Fixed dates in the data (calls, projects, the toolkit's history) were written for the week
  of `ANCHOR`. They move with whole weeks (`shift`), so a date keeps its weekday and the
  story's past stays in the past: on 1 June 2028 every such date lies 79 weeks later.
- Dates around now (coalition meetings, coaching sessions, actions, the conferences) are
  computed from `today` itself (or the Monday of this week, for meetings on weekdays).

Tests run the demo on any date by fixing the clock (time_machine); `today()` reads it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone

# The Monday of the week the fixed dates in the demo data were written for.
ANCHOR = datetime.date(2026, 11, 23)


def today() -> datetime.date:
    return timezone.localdate()


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class DemoCalendar:
    today: datetime.date
    # How far the fixed dates already in the database must move to reach `shift`; measured by
    # the projects loader (from the main call's opening date) for the loaders that follow.
    moved_by: datetime.timedelta = datetime.timedelta(0)

    @classmethod
    def for_today(cls) -> DemoCalendar:
        return cls(today=today())

    @property
    def monday(self) -> datetime.date:
        return monday_of(self.today)

    @property
    def shift(self) -> datetime.timedelta:
        """Whole weeks from the data's week (ANCHOR) to this week."""
        return self.monday - ANCHOR

    def fixed(self, value: object) -> datetime.date | None:
        """A fixed date of the data (ISO string or date), moved to this week; None stays."""
        if not value:
            return None
        day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
        return day + self.shift

    def days(self, days: int) -> datetime.date:
        """The day `days` days from today."""
        return self.today + datetime.timedelta(days=days)

    def weekday(self, days: int) -> datetime.date:
        """The day `days` days from this week's Monday (keep `days % 7` below 5: a weekday)."""
        return self.monday + datetime.timedelta(days=days)

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        """That day at that time, in the site's time zone."""
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def now(self) -> datetime.datetime:
        """Today at the time of day the clock shows (the demo's "now")."""
        return timezone.now()


def move_dates(
    queryset: models.QuerySet[Any],
    delta: datetime.timedelta,
    fields: list[str] | None = None,
) -> int:
    """Move the date and date-time fields (all, or `fields`) of the rows in `queryset` by
    `delta`, without signals or history: the story moves, nobody changed anything. A moved
    date-time never passes now (what happened stays in the past). Returns the rows moved."""
    if not delta:
        return 0
    model = queryset.model
    names = fields or [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField) and not field.primary_key
    ]
    if not names:
        return 0
    now = timezone.now()
    rows = list(queryset.only(model._meta.pk.name, *names))
    for row in rows:
        for name in names:
            value = getattr(row, name)
            if isinstance(value, datetime.datetime):
                setattr(row, name, min(value + delta, max(value, now)))
            elif value is not None:
                setattr(row, name, value + delta)
    model._default_manager.bulk_update(rows, names, batch_size=500)
    return len(rows)
