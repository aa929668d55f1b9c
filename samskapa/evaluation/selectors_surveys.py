"""Reads of surveys: a cycle's surveys and a version's sections with their questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.surveys import InstrumentVersion, Question, Section, Survey


def surveys_of(cycle: EvaluationCycle) -> QuerySet[Survey]:
    return cycle.surveys.annotate(version_count=Count("versions")).order_by("title_sv", "pk")


def versions_of(survey: Survey) -> QuerySet[InstrumentVersion]:
    return survey.versions.annotate(question_count=Count("questions")).order_by("-number")


@dataclass
class Part:
    """A section of a version with its questions (section None: questions outside any)."""

    section: Section | None
    questions: list[Question] = field(default_factory=list)


def version_parts(version: InstrumentVersion) -> list[Part]:
    """The version's questions in order, in runs of the same section (two queries for the
    questions with their choices, one for the sections)."""
    sections: dict[Any, Section] = {s.pk: s for s in version.sections.all()}
    parts: list[Part] = []
    for question in version.questions.prefetch_related("choices"):
        section = sections.get(question.section_id)
        if not parts or parts[-1].section is not section:
            parts.append(Part(section))
        parts[-1].questions.append(question)
    used = {p.section.pk for p in parts if p.section is not None}
    parts += [Part(s) for pk, s in sections.items() if pk not in used]
    return parts
