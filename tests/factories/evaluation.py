"""Indicators, reporting periods, a project's indicators and reported values."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

import factory
from django.utils import timezone

from samskapa.core.enums import FocusArea
from samskapa.evaluation import services
from samskapa.evaluation.cycles import (
    ClusterSource,
    Code,
    CycleStatus,
    EvaluationCycle,
    EvaluationQuestion,
    Excerpt,
    ExcerptSource,
    digest,
)
from samskapa.evaluation.enums import Aggregation, Level, Measure, Unit, ValueStatus
from samskapa.evaluation.findings import (
    Audience,
    EvidenceStrength,
    Finding,
    Recommendation,
    RecommendationOwner,
    Theme,
)
from samskapa.evaluation.models import Indicator, ProjectIndicator, ReportingPeriod, Value
from samskapa.evaluation.surveys import (
    Choice,
    InstrumentVersion,
    Question,
    QuestionType,
    Section,
    Survey,
    Wave,
    WaveLink,
)
from samskapa.projects.models import Call, Project
from tests.factories.coalitions import ReflectionFactory
from tests.factories.projects import CallFactory, ProjectFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A count indicator of the centre's own (the seeded catalogue stays untouched)."""

    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"T{n:04d}")
    kind = "centre"
    name_sv = factory.Sequence(lambda n: f"Testindikator {n}")
    name_en = factory.Sequence(lambda n: f"Test indicator {n}")
    level = Level.OUTPUT
    unit = Unit.PARTICIPANTS
    measure = Measure.COUNT
    aggregation = Aggregation.SUM


class PeriodFactory(factory.django.DjangoModelFactory):
    """A half-year of a call: H1 2027 unless told otherwise (due 45, locked 75 days after)."""

    class Meta:
        model = ReportingPeriod

    call = factory.SubFactory(CallFactory)
    starts = datetime.date(2027, 1, 1)
    ends = factory.LazyAttribute(
        lambda p: (
            datetime.date(p.starts.year, 6, 30)
            if p.starts.month == 1
            else datetime.date(p.starts.year, 12, 31)
        )
    )
    name = factory.LazyAttribute(lambda p: f"{p.starts.year} H{1 if p.starts.month == 1 else 2}")
    due = factory.LazyAttribute(lambda p: p.ends + datetime.timedelta(days=45))
    locks = factory.LazyAttribute(lambda p: p.ends + datetime.timedelta(days=75))


def half_years(call: Call | None, count: int = 3, first: int = 2027) -> list[ReportingPeriod]:
    """`count` consecutive half-year periods of the call from H1 of `first`."""
    out = []
    for n in range(count):
        starts = datetime.date(first + n // 2, 1 if n % 2 == 0 else 7, 1)
        out.append(PeriodFactory(call=call, starts=starts))
    return out


class ProjectIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectIndicator

    project = factory.SubFactory(ProjectFactory)
    indicator = factory.SubFactory(IndicatorFactory)


class ValueFactory(factory.django.DjangoModelFactory):
    """An approved value (the project reports on the indicator)."""

    class Meta:
        model = Value
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.LazyAttribute(lambda v: PeriodFactory(call=v.project.call))
    status = ValueStatus.APPROVED
    value = 10

    @factory.post_generation
    def link(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            ProjectIndicator.objects.get_or_create(project=self.project, indicator=self.indicator)
            # Written directly, not by a service: keep the stored aggregates in step, as the
            # services do (a refresh after a change of membership rebuilds them all).
            services.refresh_aggregates(indicator_ids=[self.indicator_id])


def report(
    project: Project,
    indicator: Indicator,
    period: ReportingPeriod,
    value: int | None = None,
    **fields: Any,
) -> Value:
    """An approved value of `project` for `indicator` in `period`."""
    return ValueFactory(project=project, indicator=indicator, period=period, value=value, **fields)


class CycleFactory(factory.django.DjangoModelFactory):
    """An evaluation cycle of 2027 in planning, its cluster chosen by hand.
    `CycleFactory(projects=[…], evaluators=[…])` sets the cluster and the evaluators."""

    class Meta:
        model = EvaluationCycle
        skip_postgeneration_save = True

    year = 2027
    title_sv = factory.Sequence(lambda n: f"Klusterutvärdering {n}")
    title_en = factory.Sequence(lambda n: f"Cluster evaluation {n}")
    source = ClusterSource.MANUAL
    status = CycleStatus.PLANNING

    @factory.post_generation
    def projects(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.projects.set(extracted)

    @factory.post_generation
    def evaluators(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.evaluators.set(extracted)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationQuestion

    cycle = factory.SubFactory(CycleFactory)
    focus_area = FocusArea.COLLABORATION
    text_sv = factory.Sequence(lambda n: f"Hur samverkar projekten, fråga {n}?")
    text_en = factory.Sequence(lambda n: f"How do the projects collaborate, question {n}?")


class CodeFactory(factory.django.DjangoModelFactory):
    """A top-level code of a cycle's codebook (`parent=` for a sub-code)."""

    class Meta:
        model = Code

    cycle = factory.SubFactory(CycleFactory)
    focus_area = FocusArea.PARTICIPATION
    name_sv = factory.Sequence(lambda n: f"Kod {n}")
    name_en = factory.Sequence(lambda n: f"Code {n}")
    definition_sv = "Målgruppen påverkar ett beslut i projektet."
    definition_en = "The target group influences a decision in the project."


class ExcerptFactory(factory.django.DjangoModelFactory):
    """An excerpt of the first sentence of a new reflection of a project in the cycle."""

    class Meta:
        model = Excerpt

    class Params:
        source_text = "Deltagarna ville själva leda träffarna. Vi lät dem göra det."

    cycle = factory.SubFactory(CycleFactory)
    project = factory.SubFactory(ProjectFactory)
    kind = ExcerptSource.REFLECTION
    reflection = factory.LazyAttribute(
        lambda e: ReflectionFactory(project=e.project, text=e.source_text)
    )
    start = 0
    end = factory.LazyAttribute(lambda e: len(e.text))
    text = "Deltagarna ville själva leda träffarna."
    source_digest = factory.LazyAttribute(lambda e: digest(e.source_text))


class ThemeFactory(factory.django.DjangoModelFactory):
    """A theme of a cycle; `ThemeFactory(codes=[…])` groups codes."""

    class Meta:
        model = Theme
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    name_sv = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")

    @factory.post_generation
    def codes(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.codes.set(extracted)


class FindingFactory(factory.django.DjangoModelFactory):
    """A draft finding of a cycle; `excerpts=[…]`, `indicators=[…]` for its evidence."""

    class Meta:
        model = Finding
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    focus_area = FocusArea.PARTICIPATION
    claim_sv = factory.Sequence(lambda n: f"Deltagarna leder allt oftare träffarna själva ({n}).")
    claim_en = factory.Sequence(lambda n: f"Participants lead the meetings more often ({n}).")
    strength = EvidenceStrength.MODERATE
    audiences = factory.LazyFunction(lambda: [Audience.PROJECTS, Audience.CENTRE])

    @factory.post_generation
    def excerpts(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.excerpts.set(extracted)

    @factory.post_generation
    def indicators(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.indicators.set(extracted)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    finding = factory.SubFactory(FindingFactory, shared=True)
    text_sv = "Låt deltagarna leda fler träffar."
    text_en = "Let participants lead more meetings."
    owner = RecommendationOwner.PROJECTS


# --- Surveys ----------------------------------------------------------------------------------


class SurveyFactory(factory.django.DjangoModelFactory):
    """A survey of a cycle with an empty, unfrozen version 1 (`with_questions(survey)` fills
    it)."""

    class Meta:
        model = Survey
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    title_sv = factory.Sequence(lambda n: f"Enkät {n}")
    title_en = factory.Sequence(lambda n: f"Survey {n}")

    @factory.post_generation
    def first_version(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            InstrumentVersion.objects.create(survey=self, number=1)


LIKERT = [
    ("1", "Instämmer inte alls", "Strongly disagree"),
    ("2", "Instämmer delvis", "Partly agree"),
    ("3", "Instämmer helt", "Strongly agree"),
]


def with_questions(survey: Survey, *, frozen: bool = False) -> InstrumentVersion:
    """Fill the survey's latest version: a section with a Likert question, a yes/no question,
    a free-text question shown only on "yes", and a whole number outside the section."""
    version = survey.versions.order_by("-number").first()
    section = Section.objects.create(
        version=version,
        position=1,
        name="samverkan",
        title_sv="Samverkan",
        title_en="Collaboration",
    )

    def question(position: int, name: str, kind: str, sv: str, en: str, **extra: Any) -> Question:
        return Question.objects.create(
            version=version,
            position=position,
            name=name,
            kind=kind,
            label_sv=sv,
            label_en=en,
            **extra,
        )

    trust = question(
        1,
        "trust",
        QuestionType.LIKERT,
        "Jag litar på partnerna.",
        "I trust the partners.",
        section=section,
        required=True,
        focus_area=FocusArea.COLLABORATION,
        choice_list="agree",
    )
    involved = question(
        2,
        "involved",
        QuestionType.SELECT_ONE,
        "Var du med i planeringen?",
        "Did you take part in the planning?",
        section=section,
        choice_list="yesno",
    )
    question(
        3,
        "how",
        QuestionType.TEXT,
        "Hur var du med?",
        "How did you take part?",
        section=section,
        relevant_name="involved",
        relevant_value="yes",
        focus_area=FocusArea.PARTICIPATION,
    )
    question(4, "meetings", QuestionType.INTEGER, "Antal möten", "Number of meetings")
    for n, (value, sv, en) in enumerate(LIKERT, start=1):
        Choice.objects.create(question=trust, position=n, value=value, label_sv=sv, label_en=en)
    Choice.objects.create(question=involved, position=1, value="yes", label_sv="Ja", label_en="Yes")
    Choice.objects.create(question=involved, position=2, value="no", label_sv="Nej", label_en="No")
    if frozen:
        version.frozen = True
        version.save()
    return version


def open_wave(survey: Survey, **fields: Any) -> Wave:
    """A wave of the survey's latest version (frozen), open from yesterday for a month."""
    version = survey.versions.order_by("-number").first()
    InstrumentVersion.objects.filter(pk=version.pk).update(frozen=True)
    today = timezone.localdate()
    defaults: dict[str, Any] = {
        "name_sv": "Baslinje",
        "name_en": "Baseline",
        "opens": today - datetime.timedelta(days=1),
        "closes": today + datetime.timedelta(days=30),
    }
    return Wave.objects.create(survey=survey, version=version, **{**defaults, **fields})


def link_to(wave: Wave, project: Project, email: str = "partner@example.se") -> str:
    """A single-use link of the wave for `email`; returns its token."""
    token = secrets.token_urlsafe(16)
    WaveLink.objects.create(
        wave=wave,
        project=project,
        email=f"{token[:8].lower()}-{email}",
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
    )
    return token
