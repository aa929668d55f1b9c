"""The European catalogue: initiatives and competence centres."""

from __future__ import annotations

import datetime

import factory

from samskapa.europe.enums import Source
from samskapa.europe.models import CompetenceCentre, Initiative


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Initiative {n}")
    summary = "Job coaches meet long-term unemployed people where they already are."
    country = "FI"
    organisation = "Test City"
    programme = "ESF+ Finland"
    themes = "Employment; Libraries"
    starts_on = datetime.date(2024, 1, 1)
    ends_on = datetime.date(2026, 12, 31)
    source = Source.SIM
    source_id = factory.Sequence(lambda n: f"T-{n:04d}")
    source_url = ""
    is_example = False


class CompetenceCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetenceCentre

    name = factory.Sequence(lambda n: f"Competence centre {n}")
    country = "PT"
    organisation = "Test host"
    url = "https://example.org/"
