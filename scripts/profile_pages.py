"""CPU time, template count and SQL count of a few key pages, in-process, on a demo database.

    DEBUG=1 DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py demo --reset
    DEBUG=1 DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python scripts/profile_pages.py

Each page is requested through the full middleware stack (Django's test client) as its usual
visitor; the time is the median CPU time of the process (not wall time, so that other work on
a shared machine counts less), and the share is the floor's time (`/.well-known/security.txt`,
the same middleware, almost no view) divided by the page's. The template engine runs without
its debug information, as in production. `make bench` measures the large data set.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskapa.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.template import engines  # noqa: E402
from django.template.base import Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from samskapa.accounts.models import User  # noqa: E402
from samskapa.coalitions.models import Coalition  # noqa: E402
from samskapa.conference.models import Edition  # noqa: E402
from samskapa.library.models import Material  # noqa: E402
from samskapa.projects.models import Project  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "40"))
LEAD = "projekt@samskapa.test"


def _pages() -> list[tuple[str, str | None, str]]:
    today = timezone.localdate()
    project = Project.objects.get(number="23-012-S01")
    edition = Edition.objects.filter(
        registration_opens_on__lte=today, registration_closes_on__gte=today
    ).first()
    coalition = Coalition.objects.order_by("pk").first()
    material = Material.objects.published().order_by("pk").first()
    return [
        ("floor /.well-known/security.txt", None, "/.well-known/security.txt"),
        ("registration form", None, f"/conference/{edition.year if edition else 0}/register/"),
        ("project page", LEAD, f"/projects/{project.pk}/"),
        ("theory of change", LEAD, f"/projects/{project.pk}/tools/theory_of_change/"),
        ("project lead's home", LEAD, "/home/"),
        (
            "coalition page",
            "admin@samskapa.test",
            coalition.get_absolute_url() if coalition else "/",
        ),
        ("knowledge bank material", None, material.get_absolute_url() if material else "/"),
    ]


def _count_templates(request: Callable[[], Any]) -> tuple[Any, int]:
    count = 0
    render = Template._render

    def counting(self: Template, context: Any) -> Any:
        nonlocal count
        count += 1
        return render(self, context)

    Template._render = counting  # type: ignore[method-assign]
    try:
        return request(), count
    finally:
        Template._render = render  # type: ignore[method-assign]


def main() -> None:
    engines["django"].engine.debug = False  # type: ignore[attr-defined]
    rows = []
    for label, email, url in _pages():
        client = Client(HTTP_HOST="localhost")
        if email:
            client.force_login(User.objects.get(email=email))
        client.get(url)  # warm the caches and the session
        timings = []
        for _ in range(REPEAT):
            start = time.process_time()
            client.get(url)
            timings.append((time.process_time() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response, templates = _count_templates(lambda u=url, c=client: c.get(u))
        median = statistics.median(timings)
        rows.append((label, response.status_code, median, templates, len(queries)))
    floor = rows[0][2]
    print(f"{'page':<34}{'status':>6}{'CPU ms':>8}{'floor':>8}{'templ.':>7}{'SQL':>5}")
    for label, status, ms, templates, queries in rows:
        share = f"{100 * floor / ms:.1f}%"
        print(f"{label:<34}{status:>6}{ms:>8.2f}{share:>8}{templates:>7}{queries:>5}")


if __name__ == "__main__":
    main()
