"""Benchmark data for results: for the benchmark call's projects, 20 indicators × 6 periods of
approved values (2,000 projects at scale 1 give ≈ 240,000 values)."""

from __future__ import annotations

import datetime
import random

from django.db import connection

from samskapa.core.bench import BenchPage
from samskapa.evaluation import catalogue, services
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.models import Indicator, ProjectIndicator, ReportingPeriod, Value
from samskapa.projects.models import Call, Project

BENCH_CALL = "2099/09999"


def seed(*, scale: int) -> None:
    call = Call.objects.filter(reference=BENCH_CALL).first()
    if call is None or ReportingPeriod.objects.filter(call=call).exists():
        return
    catalogue.seed(Indicator)  # the seeded catalogue is gone after `demo --reset` or a flush
    rng = random.Random(13)
    periods = ReportingPeriod.objects.bulk_create(
        ReportingPeriod(
            call=call,
            name=f"{2027 + n // 2} H{n % 2 + 1}",
            starts=datetime.date(2027 + n // 2, 1 + 6 * (n % 2), 1),
            ends=datetime.date(2027 + n // 2, 6 + 6 * (n % 2), 30),
            due=datetime.date(2027 + n // 2, 6 + 6 * (n % 2), 30) + datetime.timedelta(days=30),
            locks=datetime.date(2027 + n // 2, 6 + 6 * (n % 2), 30) + datetime.timedelta(days=60),
        )
        for n in range(6)
    )
    indicators = list(Indicator.objects.filter(measure="count").order_by("code")[:20])
    projects = list(Project.objects.filter(call=call).values_list("pk", flat=True))
    ProjectIndicator.objects.bulk_create(
        ProjectIndicator(project_id=p, indicator=i, target=200)
        for p in projects
        for i in indicators
    )
    batch: list[Value] = []
    for project in projects:
        for indicator in indicators:
            for period in periods:
                total = rng.randint(0, 40)
                women = rng.randint(0, total) if indicator.by_gender else None
                batch.append(
                    Value(
                        project_id=project,
                        indicator=indicator,
                        period=period,
                        status=ValueStatus.APPROVED,
                        value=total,
                        women=women,
                        men=(total - women) if women is not None else None,
                    )
                )
            if len(batch) > 5000:
                Value.objects.bulk_create(batch)
                batch = []
    Value.objects.bulk_create(batch)
    services.refresh_aggregates()  # written in bulk, not through the services


def reference_query() -> list[tuple[int, object, int]]:
    """The hand-written query the pages are measured against: the approved values summed by
    indicator and period, one grouped scan (the issue's `SELECT indicator, period,
    SUM(value) … WHERE approved GROUP BY indicator, period`)."""
    value = Value._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT indicator_id, period_id, SUM(value) FROM {value} "  # noqa: S608
            "WHERE status = %s GROUP BY indicator_id, period_id",
            [ValueStatus.APPROVED],
        )
        return cursor.fetchall()


def _call_url() -> str:
    call = Call.objects.filter(reference=BENCH_CALL).first()
    return f"/results/calls/{call.pk}/" if call else "/results/"


PAGES = [
    BenchPage(
        "results: programme overview",
        "utvarderare@samskapa.test",
        lambda: "/results/",
        reference_query,
    ),
    BenchPage(
        "results: programme overview (funder)",
        "finansiar@samskapa.test",
        lambda: "/results/",
        reference_query,
    ),
    BenchPage("results: call", "utvarderare@samskapa.test", _call_url, reference_query),
]
