"""Benchmark data for projects: 2,000 projects per scale unit, with partners."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from samskapa.accounts.models import Organisation
from samskapa.core.bench import BenchPage
from samskapa.core.enums import ProcessElement
from samskapa.core.httpbench import FORM_OR_LOGGED_IN
from samskapa.projects.enums import OrganisationRole, Phase
from samskapa.projects.models import Call, Project, ProjectOrganisation

WORDS = [
    "arbete",
    "inkludering",
    "unga",
    "nyanlända",
    "kvinnor",
    "funktionsnedsättning",
    "landsbygd",
    "digital",
    "samverkan",
    "socialt",
    "företagande",
    "hälsa",
    "återgång",
    "kompetens",
    "vägar",
    "framtid",
]


def seed(*, scale: int) -> None:
    if Project.objects.filter(number__startswith="9").exists():
        return
    rng = random.Random(11)
    call, _created = Call.objects.get_or_create(
        reference="2099/09999", defaults={"title": "Benchmark call", "programme_area": "E"}
    )
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    projects = Project.objects.bulk_create(
        Project(
            number=f"9{i // 1000 % 10}-{i % 1000:03d}-S{i // 10000 + 1:02d}",
            name=" ".join(rng.sample(WORDS, 4)).capitalize(),
            call=call,
            owner_id=rng.choice(organisations),
            phase=rng.choice(list(Phase.values)),
            start=date(2024, 1, 1),
            end=date(2026, 12, 31),
            granted_support=Decimal(rng.randint(500_000, 9_000_000)),
            region="skane",
            process_element=rng.choice(list(ProcessElement.values)),
            challenge=" ".join(rng.choices(WORDS, k=80)),
            summary=" ".join(rng.choices(WORDS, k=30)),
        )
        for i in range(2000 * scale)
    )
    ProjectOrganisation.objects.bulk_create(
        ProjectOrganisation(project=p, organisation_id=org, role=role)
        for p in projects
        for org, role in [
            (p.owner_id, OrganisationRole.OWNER),
            (rng.choice(organisations), OrganisationRole.PARTNER),
            (rng.choice(organisations), OrganisationRole.COOPERATION_PARTNER),
        ]
    )


def _call_url() -> str:
    return f"/calls/{Call.objects.get(reference='2099/09999').pk}/"


PAGES = [
    BenchPage("project list", "admin@samskapa.test", lambda: "/projects/"),
    BenchPage(
        "project list, text search", "admin@samskapa.test", lambda: "/projects/?q=unga+arbete"
    ),
    BenchPage("call with 2,000 projects", "admin@samskapa.test", _call_url),
    BenchPage(
        "project workspace",
        "projekt@samskapa.test",
        lambda: f"/projects/{Project.objects.get(number='23-012-S01').pk}/",
        http_target=FORM_OR_LOGGED_IN,
    ),
]
