"""Benchmark data for results: for the benchmark call's projects, 20 indicators × 6 periods of
approved values (2,000 projects at scale 1 give ≈ 240,000 values); and a cluster evaluation of
40 of them with 2,000 coded excerpts, 5 themes and 10 findings (`seed_cycle`)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.db import connection

from samskapa.accounts.models import User
from samskapa.core.bench import BenchPage
from samskapa.core.enums import FocusArea
from samskapa.evaluation import catalogue, services
from samskapa.evaluation.cycles import (
    Code,
    CycleStatus,
    EvaluationCycle,
    Excerpt,
    ExcerptSource,
    digest,
)
from samskapa.evaluation.enums import ValueStatus
from samskapa.evaluation.findings import EvidenceStrength, Finding, Theme
from samskapa.evaluation.models import Indicator, ProjectIndicator, ReportingPeriod, Value
from samskapa.projects.models import Call, Project

BENCH_CALL = "2099/09999"


def seed(*, scale: int) -> None:
    seed_values(scale=scale)
    seed_cycle(scale=scale)


def seed_values(*, scale: int) -> None:
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


BENCH_CYCLE = "Benchmark: klusterutvärdering"
CYCLE_PROJECTS = 40
EXCERPTS = 2_000
THEMES = 5
FINDINGS = 10


def seed_cycle(*, scale: int) -> None:
    """A cycle of 40 of the benchmark call's projects with 2,000 excerpts (their sources are
    not kept: the passages stand alone), each coded with one of 10 codes; 5 themes of two codes
    each and 10 shared findings citing 20 excerpts and two indicators each. Once only."""
    call = Call.objects.filter(reference=BENCH_CALL).first()
    if call is None or EvaluationCycle.objects.filter(title_sv=BENCH_CYCLE).exists():
        return
    projects = list(Project.objects.filter(call=call).order_by("number")[:CYCLE_PROJECTS])
    if not projects:
        return
    cycle = EvaluationCycle.objects.create(
        year=2027,
        title_sv=BENCH_CYCLE,
        title_en="Benchmark: cluster evaluation",
        call=call,
        source="call",
        status=CycleStatus.ANALYSING,
    )
    cycle.projects.set(projects)
    cycle.evaluators.set(User.objects.filter(email="utvarderare@samskapa.test"))
    areas = list(FocusArea)
    codes = Code.objects.bulk_create(
        Code(cycle=cycle, focus_area=areas[n % len(areas)], name_sv=f"Kod {n + 1}")
        for n in range(10)
    )
    rng = random.Random(17)
    kinds = list(ExcerptSource.values)
    text = "Deltagarna ville själva leda träffarna, och projektet lät dem göra det."
    excerpts = Excerpt.objects.bulk_create(
        Excerpt(
            cycle=cycle,
            project=projects[n % len(projects)],
            kind=kinds[n % len(kinds)],
            start=0,
            end=len(text),
            text=text,
            source_digest=digest(text),
        )
        for n in range(EXCERPTS)
    )
    Excerpt.codes.through.objects.bulk_create(
        Excerpt.codes.through(excerpt_id=e.pk, code_id=rng.choice(codes).pk) for e in excerpts
    )
    themes = Theme.objects.bulk_create(
        Theme(cycle=cycle, name_sv=f"Tema {n + 1}") for n in range(THEMES)
    )
    Theme.codes.through.objects.bulk_create(
        Theme.codes.through(theme_id=theme.pk, code_id=codes[2 * n + k].pk)
        for n, theme in enumerate(themes)
        for k in (0, 1)
    )
    indicators = list(Indicator.objects.filter(measure="count").order_by("code")[:2])
    for n in range(FINDINGS):
        finding = Finding.objects.create(
            cycle=cycle,
            theme=themes[n % len(themes)],
            focus_area=areas[n % len(areas)],
            claim_sv=f"Slutsats {n + 1}: deltagarna leder träffarna.",
            strength=EvidenceStrength.MODERATE,
            audiences=["projects"],
            shared=True,
        )
        finding.excerpts.set(excerpts[n * 20 : n * 20 + 20])
        finding.indicators.set(indicators)


def _cycle_url(page: str) -> Callable[[], str]:
    def url() -> str:
        cycle = EvaluationCycle.objects.filter(title_sv=BENCH_CYCLE).first()
        return f"/evaluation/cycles/{cycle.pk}/{page}/" if cycle else "/evaluation/cycles/"

    return url


def _call_url() -> str:
    call = Call.objects.filter(reference=BENCH_CALL).first()
    return f"/results/calls/{call.pk}/" if call else "/results/"


PAGES = [
    BenchPage(
        "results: programme overview",
        "utvarderare@samskapa.test",
        lambda: "/results/",
        reference=reference_query,
    ),
    BenchPage(
        "results: programme overview (funder)",
        "finansiar@samskapa.test",
        lambda: "/results/",
        reference=reference_query,
    ),
    BenchPage("results: call", "utvarderare@samskapa.test", _call_url, reference=reference_query),
    BenchPage(
        "evaluation: themes of 40 projects, 2,000 excerpts",
        "utvarderare@samskapa.test",
        _cycle_url("themes"),
    ),
    BenchPage(
        "evaluation: findings of 40 projects, 2,000 excerpts",
        "utvarderare@samskapa.test",
        _cycle_url("findings"),
    ),
]
