"""`manage.py bench`: server time of key pages on a large data set, against a trivial view.

Each app registers a `samskapa.core.bench.BenchModule` in its AppConfig.ready(): a
`seed(*, scale)` that adds a large data set on top of the demo data, and the pages to time.
The runner requests every page in-process through Django's test client (the full middleware
stack, no network), and reports the median time, its ratio to the trivial view
`/.well-known/security.txt` served the same way, the page's SQL query count, and for a page
with a `reference` (a hand-written query of what the page must at least read) its ratio to
that query. Ratios, not
milliseconds, are what compare across machines.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samskapa.accounts.models import User
from samskapa.core import bench

BASELINE_URL = "/.well-known/security.txt"


@dataclass(frozen=True)
class Measurement:
    label: str
    url: str
    status: int
    queries: int
    median_ms: float
    ratio: float
    reference_ms: float | None = None  # the page's hand-written reference query

    @property
    def reference_ratio(self) -> float | None:
        return self.median_ms / self.reference_ms if self.reference_ms else None


def _client_for(email: str | None) -> Client:
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


def _reference_ms(reference: Callable[[], object], repeat: int) -> float:
    reference()  # warm the database's cache, as the page's first request does
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        reference()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def measure(*, repeat: int) -> tuple[float, list[Measurement]]:
    _status, baseline = _median_ms(Client(HTTP_HOST="localhost"), BASELINE_URL, repeat)
    results = []
    for module in bench.modules():
        for page in module.pages:
            client = _client_for(page.email)
            url = page.url()
            status, median = _median_ms(client, url, repeat)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            reference = _reference_ms(page.reference, repeat) if page.reference else None
            results.append(
                Measurement(
                    page.label, url, status, len(queries), median, median / baseline, reference
                )
            )
    return baseline, results


def seed(*, scale: int) -> None:
    for module in bench.modules():
        if module.seed is not None:
            module.seed(scale=scale)
