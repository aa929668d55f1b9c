"""Reads of surveys: a cycle's surveys and a version's sections with their questions."""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.evaluation import disclosure
from samskapa.evaluation.cycles import EvaluationCycle
from samskapa.evaluation.surveys import (
    Answer,
    InstrumentVersion,
    Question,
    QuestionType,
    Response,
    Section,
    Survey,
    Wave,
)
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import Project


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


# --- Waves ---------------------------------------------------------------------------------


def waves_of(survey: Survey) -> QuerySet[Wave]:
    return survey.waves.select_related("version").annotate(
        response_count=Count("responses", distinct=True)
    )


@dataclass
class ProjectCount:
    project: Project
    responses: int
    waiting: int  # links sent and not yet used


def counts_by_project(wave: Wave, projects: QuerySet[Project]) -> list[ProjectCount]:
    """Answers and unused links per project (two grouped queries): counts only, never who."""
    responses = dict(
        wave.responses.values("project").annotate(n=Count("id")).values_list("project", "n")
    )
    waiting = dict(wave.links.values("project").annotate(n=Count("id")).values_list("project", "n"))
    return [
        ProjectCount(p, responses.get(p.pk, 0), waiting.get(p.pk, 0))
        for p in projects.order_by("number")
    ]


def open_waves_for(user: Any, today: datetime.date | None = None) -> list[tuple[Wave, Project]]:
    """Open waves of cycles with one of the person's projects, not yet answered by them."""
    today = today or timezone.localdate()
    projects = {m.project_id: m.project for m in user.project_memberships.select_related("project")}
    if not projects:
        return []
    waves = (
        Wave.objects.filter(
            opens__lte=today, closes__gte=today, survey__cycle__projects__in=list(projects)
        )
        .exclude(participants__user=user)
        .select_related("survey")
        .prefetch_related("survey__cycle__projects")
        .distinct()
        .order_by("closes", "pk")
    )
    found = []
    for wave in waves:
        mine = [p for p in wave.survey.cycle.projects.all() if p.pk in projects]
        if mine:
            found.append((wave, mine[0]))
    return found


def waves_to_send_links_for(user: Any, today: datetime.date | None = None) -> QuerySet[Wave]:
    """Waves not yet closed of cycles with a project the person leads (they send links)."""
    today = today or timezone.localdate()
    return (
        Wave.objects.filter(
            closes__gte=today,
            survey__cycle__projects__members__user=user,
            survey__cycle__projects__members__role=MemberRole.LEAD,
        )
        .select_related("survey")
        .distinct()
        .order_by("closes", "pk")
    )


def member_projects(wave: Wave, user: Any) -> QuerySet[Project]:
    return wave.survey.cycle.projects.filter(members__user=user).order_by("number")


def invitable_projects(wave: Wave, user: Any) -> QuerySet[Project]:
    """The projects a person may send links for: every project of the cycle for its
    editors, their own projects for project leads."""
    projects = wave.survey.cycle.projects.order_by("number")
    if user.has_perm("evaluation.change_wave", wave):
        return projects
    return projects.filter(members__user=user, members__role=MemberRole.LEAD)


# --- Results -------------------------------------------------------------------------------

SUPPRESSED = ".."


@dataclass
class ResultCell:
    count: int
    share: float | None  # of the wave's respondents who answered the question
    shown: bool = True

    @property
    def value(self) -> int | str:
        return self.count if self.shown else SUPPRESSED


@dataclass
class ResultRow:
    label: str
    cells: list[ResultCell]  # one a wave


@dataclass
class QuestionResult:
    question: Question
    answered: list[int]  # per wave: respondents who answered the question
    rows: list[ResultRow] = field(default_factory=list)  # choices
    means: list[float | None] = field(default_factory=list)  # numbers and Likert scales
    texts: list[int] = field(default_factory=list)  # free text: how many, per wave
    disclosed: list[bool] = field(default_factory=list)  # per wave, as SurveyResults

    @property
    def answered_cells(self) -> list[int | str]:
        return [
            n if shown else SUPPRESSED
            for n, shown in zip(self.answered, self.disclosed, strict=True)
        ]


@dataclass
class SurveyResults:
    waves: list[Wave]
    respondents: list[int]  # per wave
    disclosed: list[bool]  # per wave: enough respondents for a breakdown
    questions: list[QuestionResult]
    threshold: int

    @property
    def respondent_rows(self) -> list[tuple[Wave, int | str]]:
        return [
            (wave, n if shown else SUPPRESSED)
            for wave, n, shown in zip(self.waves, self.respondents, self.disclosed, strict=True)
        ]


def survey_results(
    survey: Survey, *, project: Project | None = None, internal: bool = False
) -> SurveyResults:
    """Every question of the survey (by name, across versions; labels of the latest version
    that has it) and wave: counts per choice, means of numbers and scales, the number of
    free-text answers. A wave whose group has fewer respondents than the disclosure
    threshold shows no breakdown at all; a count below the threshold is hidden ("..") for
    everyone but admins and evaluators. Five queries whatever the size."""
    limit = disclosure.threshold()
    waves = list(survey.waves.order_by("opens", "pk"))
    responses = Response.objects.filter(wave__in=waves)
    answers = Answer.objects.filter(response__wave__in=waves)
    if project is not None:
        responses = responses.filter(project=project)
        answers = answers.filter(response__project=project)
    per_wave = dict(responses.values("wave").annotate(n=Count("id")).values_list("wave", "n"))
    respondents = [per_wave.get(w.pk, 0) for w in waves]
    disclosed = [n >= limit for n in respondents]
    questions: dict[str, Question] = {}
    for question in (
        Question.objects.filter(version__survey=survey)
        .exclude(kind=QuestionType.NOTE)
        .select_related("version")
        .prefetch_related("choices")
        .order_by("-version__number", "position")
    ):
        questions.setdefault(question.name, question)
    order = sorted(questions.values(), key=lambda q: q.position)
    index = {w.pk: n for n, w in enumerate(waves)}
    counts: dict[tuple[str, str, int], int] = {}
    answered: dict[tuple[str, int], set[Any]] = {}
    numbers: dict[tuple[str, int], list[float]] = {}
    for name, kind, wave_pk, response_pk, value in answers.values_list(
        "question__name", "question__kind", "response__wave", "response", "value"
    ):
        n = index[wave_pk]
        answered.setdefault((name, n), set()).add(response_pk)
        if kind in (QuestionType.SELECT_ONE, QuestionType.SELECT_MULTIPLE, QuestionType.LIKERT):
            counts[(name, value, n)] = counts.get((name, value, n), 0) + 1
        if kind in (QuestionType.INTEGER, QuestionType.DECIMAL, QuestionType.LIKERT):
            with contextlib.suppress(ValueError):
                numbers.setdefault((name, n), []).append(float(value))

    def cell(count: int, total: int, n: int) -> ResultCell:
        small = 0 < count < limit and not internal
        return ResultCell(
            count, round(100 * count / total, 1) if total else None, disclosed[n] and not small
        )

    results = []
    for question in order:
        done = [len(answered.get((question.name, n), ())) for n in range(len(waves))]
        result = QuestionResult(question, done, disclosed=disclosed)
        if question.has_choices:
            for choice in question.choices.all():
                result.rows.append(
                    ResultRow(
                        choice.label,
                        [
                            cell(counts.get((question.name, choice.value, n), 0), done[n], n)
                            for n in range(len(waves))
                        ],
                    )
                )
        if question.kind in (QuestionType.INTEGER, QuestionType.DECIMAL, QuestionType.LIKERT):
            for n in range(len(waves)):
                values = numbers.get((question.name, n), [])
                shown = disclosed[n] and len(values) >= limit
                result.means.append(sum(values) / len(values) if values and shown else None)
        if question.is_free_text:
            result.texts = done
        results.append(result)
    return SurveyResults(waves, respondents, disclosed, results, limit)


# --- Survey results cited by findings -------------------------------------------------------

CITABLE_TYPES = (
    QuestionType.SELECT_ONE,
    QuestionType.SELECT_MULTIPLE,
    QuestionType.LIKERT,
    QuestionType.INTEGER,
    QuestionType.DECIMAL,
)


def citable_questions(cycle: EvaluationCycle, *, latest: bool = True) -> list[Question]:
    """The questions a finding of `cycle` may cite: choice, scale and number questions of the
    cycle's surveys in a version asked in a wave (frozen, so never deleted). With `latest`,
    one a survey and name (the latest version's): a question is cited by its name, and its
    results are read across every wave whatever the version."""
    questions = (
        Question.objects.filter(
            version__survey__cycle=cycle, version__frozen=True, kind__in=CITABLE_TYPES
        )
        .select_related("version__survey")
        .order_by("version__survey__title_sv", "version__survey_id", "-version__number", "position")
    )
    if not latest:
        return list(questions)
    chosen: dict[tuple[int, str], Question] = {}
    for question in questions:
        chosen.setdefault((question.version.survey_id, question.name), question)
    return list(chosen.values())


def cited_result(result: QuestionResult, waves: list[Wave]) -> dict[str, Any]:
    """One cited question's results per wave as plain values, as disclosure control left
    them: a hidden figure is "..", never its value (what a published report stores). Each
    row has a cell a wave: its name, the value and, for an answer option, its share."""
    names = [wave.name for wave in waves]

    def row(label: str, values: list[Any], shares: list[float | None] | None = None) -> dict:
        shares = shares or [None] * len(values)
        return {
            "label": label,
            "cells": [
                {"wave": name, "value": value, "share": share}
                for name, value, share in zip(names, values, shares, strict=True)
            ],
        }

    rows = [row(str(_("Answered the question")), result.answered_cells)]
    for choice in result.rows:
        rows.append(
            row(
                choice.label,
                [cell.value for cell in choice.cells],
                [cell.share if cell.shown else None for cell in choice.cells],
            )
        )
    if result.means:
        rows.append(
            row(str(_("Mean")), [SUPPRESSED if m is None else round(m, 2) for m in result.means])
        )
    question = result.question
    return {
        "survey": question.version.survey.title,
        "name": question.name,
        "question": question.label,
        "waves": names,
        "rows": rows,
    }


def finding_survey_figures(
    findings: list[Any], *, internal: bool
) -> dict[int, list[dict[str, Any]]]:
    """For each finding (with `survey_questions` prefetched with their version's survey), the
    results of its cited questions per wave for the whole cluster, through `survey_results`
    and its disclosure control (`internal`: admins and evaluators see small counts). The
    results of each cited survey are read once (five queries a survey, whatever the number
    of findings)."""
    surveys: dict[int, Survey] = {}
    for finding in findings:
        for question in finding.survey_questions.all():
            surveys.setdefault(question.version.survey_id, question.version.survey)
    by_name: dict[tuple[int, str], dict[str, Any]] = {}
    for survey_pk, survey in surveys.items():
        results = survey_results(survey, internal=internal)
        for question_result in results.questions:
            by_name[(survey_pk, question_result.question.name)] = cited_result(
                question_result, results.waves
            )
    figures: dict[int, list[dict[str, Any]]] = {}
    for finding in findings:
        cited: list[dict[str, Any]] = []
        for question in finding.survey_questions.all():
            item = by_name.get((question.version.survey_id, question.name))
            if item is not None:
                cited.append(item)
        figures[finding.pk] = cited
    return figures
