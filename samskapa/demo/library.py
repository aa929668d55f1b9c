"""Demo data for the knowledge bank: the real starter materials, authored by the demo admin."""

from __future__ import annotations

from samskapa.accounts.models import User
from samskapa.demo.clock import DemoCalendar
from samskapa.library.starter import load_starter_content


def load(calendar: DemoCalendar | None = None) -> None:
    author = User.objects.filter(email="admin@samskapa.test").first()
    load_starter_content(author=author)
