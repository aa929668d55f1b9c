"""Benchmark pages and data for the European catalogue and the public API: 2,000 initiatives
(times the scale) on top of the demo's twenty, flagged as example data."""

from __future__ import annotations

import random

from samskapa.core.bench import BenchPage
from samskapa.europe.enums import Source
from samskapa.europe.models import Initiative

WORDS = [
    "social",
    "innovation",
    "employment",
    "youth",
    "housing",
    "inclusion",
    "migrants",
    "older",
    "people",
    "digital",
    "community",
    "care",
    "co-creation",
    "skills",
    "rural",
    "health",
    "families",
    "education",
    "mentors",
    "network",
    "municipality",
    "enterprise",
    "volunteers",
    "training",
]
COUNTRIES = ["AT", "BE", "DE", "DK", "EE", "ES", "FI", "FR", "IE", "IT", "NL", "PL", "PT"]

PAGES = [
    BenchPage("european catalogue", None, lambda: "/europe/"),
    BenchPage("european catalogue search", None, lambda: "/europe/?q=housing+youth"),
    BenchPage("api: initiatives", None, lambda: "/api/v1/initiatives/"),
    BenchPage("api: initiatives search", None, lambda: "/api/v1/initiatives/?q=housing"),
    BenchPage("api: conference programme", None, lambda: "/api/v1/sessions/"),
    BenchPage("api: published aggregates", None, lambda: "/api/v1/aggregates/"),
]


def seed(*, scale: int) -> None:
    if Initiative.objects.filter(source_id__startswith="BENCH-").exists():
        return
    rng = random.Random(17)
    Initiative.objects.bulk_create(
        Initiative(
            title=" ".join(rng.sample(WORDS, 4)).capitalize(),
            summary=" ".join(rng.choices(WORDS, k=60)),
            country=rng.choice(COUNTRIES),
            organisation="Benchmark organisation",
            programme="ESF+",
            themes="; ".join(rng.sample(WORDS, 3)),
            source=rng.choice(list(Source.values)),
            source_id=f"BENCH-{i:06d}",
            is_example=True,
        )
        for i in range(2000 * scale)
    )
