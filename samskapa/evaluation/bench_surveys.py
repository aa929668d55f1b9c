"""Benchmark data for surveys: a cycle of 40 of the benchmark call's projects with a survey
whose wave has 10,000 responses (× scale), and the pages that read them."""

from __future__ import annotations

import datetime
import random
import uuid

from samskapa.core.bench import BenchPage
from samskapa.evaluation.bench import BENCH_CALL
from samskapa.evaluation.cycles import ClusterSource, EvaluationCycle
from samskapa.evaluation.surveys import (
    Answer,
    Choice,
    InstrumentVersion,
    Question,
    QuestionType,
    Response,
    Survey,
    Wave,
)
from samskapa.projects.models import Project

TITLE = "Bench: enkät med 10 000 svar"


def seed(*, scale: int) -> None:
    if Survey.objects.filter(title_sv=TITLE).exists():
        return
    projects = list(Project.objects.filter(call__reference=BENCH_CALL).order_by("pk")[:40])
    if not projects:
        return
    rng = random.Random(15)  # noqa: S311 (benchmark data, not secrets)
    cycle = EvaluationCycle.objects.create(
        year=2027, title_sv="Bench: klusterutvärdering", source=ClusterSource.MANUAL
    )
    cycle.projects.set(projects)
    survey = Survey.objects.create(cycle=cycle, title_sv=TITLE, title_en="Bench: 10,000 answers")
    version = InstrumentVersion.objects.create(survey=survey, number=1, frozen=True)
    likert = Question.objects.create(
        version=version, position=1, name="trust", kind=QuestionType.LIKERT, label_sv="Tillit"
    )
    Choice.objects.bulk_create(
        Choice(question=likert, position=n, value=str(n), label_sv=str(n)) for n in range(1, 6)
    )
    many = Question.objects.create(
        version=version,
        position=2,
        name="sectors",
        kind=QuestionType.SELECT_MULTIPLE,
        label_sv="Sektorer",
    )
    Choice.objects.bulk_create(
        Choice(question=many, position=n, value=v, label_sv=v)
        for n, v in enumerate(["public", "private", "civil"], start=1)
    )
    number = Question.objects.create(
        version=version, position=3, name="meetings", kind=QuestionType.INTEGER, label_sv="Möten"
    )
    text = Question.objects.create(
        version=version, position=4, name="comments", kind=QuestionType.TEXT, label_sv="Övrigt"
    )
    wave = Wave.objects.create(
        survey=survey,
        version=version,
        name_sv="Baslinje",
        name_en="Baseline",
        opens=datetime.date(2027, 1, 1),
        closes=datetime.date(2027, 2, 1),
    )
    responses = [
        Response(id=uuid.uuid4(), wave=wave, project=rng.choice(projects))
        for _ in range(10_000 * scale)
    ]
    Response.objects.bulk_create(responses, batch_size=2000)
    answers: list[Answer] = []
    for response in responses:
        answers.append(Answer(response=response, question=likert, value=str(rng.randint(1, 5))))
        answers += [
            Answer(response=response, question=many, value=v)
            for v in ("public", "private", "civil")
            if rng.random() < 0.5
        ]
        answers.append(Answer(response=response, question=number, value=str(rng.randint(0, 30))))
        if rng.random() < 0.2:
            answers.append(Answer(response=response, question=text, text="Bra samarbete."))
        if len(answers) > 5000:
            Answer.objects.bulk_create(answers)
            answers = []
    Answer.objects.bulk_create(answers)


def _survey_url(suffix: str) -> str:
    survey = Survey.objects.filter(title_sv=TITLE).first()
    return f"/evaluation/surveys/{survey.pk}/{suffix}" if survey else "/evaluation/cycles/"


def _wave_url() -> str:
    wave = Wave.objects.filter(survey__title_sv=TITLE).first()
    return f"/evaluation/waves/{wave.pk}/" if wave else "/evaluation/cycles/"


PAGES = [
    BenchPage(
        "surveys: results of a wave with 10,000 answers",
        "utvarderare@samskapa.test",
        lambda: _survey_url("results/"),
    ),
    BenchPage("surveys: wave with 10,000 answers", "utvarderare@samskapa.test", _wave_url),
]
