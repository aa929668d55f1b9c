"""Benchmark data for accounts: many organisations, and the organisation register page."""

from __future__ import annotations

import random

from samskapa.accounts.enums import OrganisationForm, Region, Sector
from samskapa.accounts.models import Organisation
from samskapa.accounts.validators import luhn_ok
from samskapa.core.bench import BenchPage
from samskapa.core.httpbench import CACHED_PUBLIC, FORM_OR_LOGGED_IN


def _org_number(index: int) -> str:
    base = f"80{index:07d}"
    for digit in range(10):
        if luhn_ok(base + str(digit)):
            return f"{base[:6]}-{base[6:]}{digit}"
    raise AssertionError("a Luhn digit always exists")


def seed(*, scale: int) -> None:
    rng = random.Random(7)
    if Organisation.objects.filter(name__startswith="Bench ").exists():
        return
    sectors, regions, forms = (
        list(Sector.values),
        list(Region.values),
        list(OrganisationForm.values),
    )
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench organisation {i:05d}",
            country="SE",
            org_number=_org_number(i),
            sector=rng.choice(sectors),
            form=rng.choice(forms),
            municipality="Benchby",
            region=rng.choice(regions),
        )
        for i in range(500 * scale)
    )


PAGES = [
    BenchPage("organisation register", "admin@samskapa.test", lambda: "/organisations/"),
    BenchPage("people and roles", "admin@samskapa.test", lambda: "/people/"),
    BenchPage("home (public)", None, lambda: "/", http_target=CACHED_PUBLIC),
    BenchPage("my overview (admin)", "admin@samskapa.test", lambda: "/home/"),
    BenchPage(
        "my overview (project lead)",
        "projekt@samskapa.test",
        lambda: "/home/",
        http_target=FORM_OR_LOGGED_IN,
    ),
]
