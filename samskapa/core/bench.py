"""`manage.py bench`: server time of key pages on a large data set, against a trivial view.

Each app may contribute a `bench.py` module with `seed(*, scale: int) -> None`, which adds a
large data set on top of the demo data, and `PAGES: list[BenchPage]`. The runner requests
every page in-process through Django's test client (the full middleware stack, no network),
and reports the median time, its ratio to the trivial view `/.well-known/security.txt`
served the same way, and the page's SQL query count. Ratios, not milliseconds, are what
compare across machines.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

MODULES = [
    "samskapa.accounts.bench",
    "samskapa.projects.bench",
    "samskapa.toolkit.bench",
    "samskapa.coalitions.bench",
    "samskapa.coaching.bench",
    "samskapa.library.bench",
    "samskapa.conference.bench",
]
BASELINE_URL = "/.well-known/security.txt"


@dataclass(frozen=True)
class BenchPage:
    label: str
    email: str | None  # who requests it (None: anonymous)
    url: Callable[[], str]


@dataclass(frozen=True)
class Measurement:
    label: str
    url: str
    status: int
    queries: int
    median_ms: float
    ratio: float


def modules() -> list[ModuleType]:
    found = []
    for name in MODULES:
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name and name.startswith(error.name):
                continue
            raise
    return found


def _client_for(email: str | None) -> Client:
    from samskapa.accounts.models import User

    client = Client(HTTP_HOST="localhost")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def _median_ms(client: Client, url: str, repeat: int) -> tuple[int, float]:
    client.get(url)  # warm caches and the session
    timings = []
    status = 0
    for _ in range(repeat):
        start = time.perf_counter()
        status = client.get(url).status_code
        timings.append((time.perf_counter() - start) * 1000)
    return status, statistics.median(timings)


def measure(*, repeat: int) -> tuple[float, list[Measurement]]:
    _status, baseline = _median_ms(Client(HTTP_HOST="localhost"), BASELINE_URL, repeat)
    results = []
    for module in modules():
        for page in getattr(module, "PAGES", []):
            client = _client_for(page.email)
            url = page.url()
            status, median = _median_ms(client, url, repeat)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            results.append(
                Measurement(page.label, url, status, len(queries), median, median / baseline)
            )
    return baseline, results


def seed(*, scale: int) -> None:
    for module in modules():
        seeder = getattr(module, "seed", None)
        if seeder is not None:
            seeder(scale=scale)
