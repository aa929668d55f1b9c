"""Every read of results: the catalogue, periods, a project's values, the approval queue,
reporting completeness, and the aggregates at project, coalition, call and programme level.

Aggregation rules (docs/evaluation.md, "Methods"), all computed by the database:

- only approved values count;
- per period, values are summed over projects (each project has one value per indicator and
  period, its latest version);
- over several periods, a *sum* indicator adds the periods; a *latest* indicator (a cumulative
  figure) uses each project's latest approved period only, so nothing is counted twice;
- a percentage is Σ numerators / Σ denominators, never a mean of percentages;
- breakdowns are summed alongside the totals; every aggregate carries its number of projects.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import formats, timezone

from samskapa.accounts.rules import is_centre_team
from samskapa.coaching.enums import NoteVisibility
from samskapa.coaching.models import Note
from samskapa.coalitions.models import Coalition, CoalitionProject, Lesson, Reflection
from samskapa.core.enums import FocusArea
from samskapa.evaluation.cycles import Code, CycleStatus, EvaluationCycle, Excerpt, ExcerptSource
from samskapa.evaluation.enums import BREAKDOWN_FIELDS, Aggregation, Measure, ValueStatus
from samskapa.evaluation.models import (
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
)
from samskapa.evaluation.surveys import Answer, QuestionType
from samskapa.projects.models import Call, Project

PROGRAMME = "programme"
CALL = "call"
COALITION = "coalition"
PROJECT = "project"
# The projects of a call outside any coalition, together: never shown, but a part of the
# call's total that disclosure control must protect like a coalition (disclosure.py).
OUTSIDE = "outside"
# What published figures need: no single project's figure is ever published, so disclosure
# control works without the project level (docs/evaluation.md, "Suppression").
PUBLISHED_LEVELS = (PROGRAMME, CALL, COALITION, OUTSIDE)
LEVELS = (*PUBLISHED_LEVELS, PROJECT)
NO_CALL = 0  # the group key of projects outside any call
NO_GROUP = 0
TOTAL = None  # the period key of "all periods"

_GROUP_FIELD = {
    PROGRAMME: None,
    CALL: "project__call_id",
    COALITION: "project__coalition_membership__coalition_id",
    OUTSIDE: "project__call_id",
    PROJECT: "project_id",
}


# --- The catalogue, periods and a project's indicators -------------------------------------


def catalogue() -> QuerySet[Indicator]:
    return Indicator.objects.order_by("kind", "code")


def active_indicators() -> QuerySet[Indicator]:
    return Indicator.objects.filter(active=True).order_by("kind", "code")


def periods_for_call(call: Call | None) -> QuerySet[ReportingPeriod]:
    if call is None:
        return ReportingPeriod.objects.filter(call__isnull=True).order_by("starts")
    return ReportingPeriod.objects.filter(call=call).order_by("starts")


def periods_for_project(project: Project) -> QuerySet[ReportingPeriod]:
    return periods_for_call(project.call)


def project_indicators(project: Project) -> QuerySet[ProjectIndicator]:
    return ProjectIndicator.objects.filter(project=project).select_related("indicator")


def period_targets_of(links: Iterable[ProjectIndicator]) -> dict[int, dict[int, Decimal]]:
    """Each project indicator's targets by period id. One query."""
    found: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for link_id, period_id, target in PeriodTarget.objects.filter(
        link__in=[link.pk for link in links]
    ).values_list("link_id", "period_id", "target"):
        found[link_id][period_id] = target
    return dict(found)


def project_values(project: Project) -> QuerySet[Value]:
    return Value.objects.filter(project=project).select_related("indicator", "period")


def project_values_for_period(project: Project, period: ReportingPeriod) -> dict[int, Value]:
    return {v.indicator_id: v for v in Value.objects.filter(project=project, period=period)}


def review_queue() -> QuerySet[Value]:
    return (
        Value.objects.filter(status=ValueStatus.SUBMITTED)
        .select_related("indicator", "period", "project", "project__call")
        .order_by("submitted_at", "pk")
    )


def earlier_versions(values: Iterable[Value]) -> dict[int, list[Any]]:
    """The history of each value, newest first, without the current state: one query."""
    by_value: dict[int, list[Any]] = defaultdict(list)
    ids = [v.pk for v in values]
    history = Value.history.model.objects.filter(id__in=ids).select_related("history_user")
    for record in history.order_by("-history_date", "-history_id"):
        by_value[record.id].append(record)
    return {pk: records[1:] for pk, records in by_value.items()}


# --- Aggregates ----------------------------------------------------------------------------


@dataclass
class Figure:
    """One aggregate: a count (or Σ numerator / Σ denominator), its breakdowns and the
    number of projects it is built from."""

    total: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    breakdown: dict[str, int | None] = field(default_factory=dict)
    projects: int = 0

    @property
    def percentage(self) -> float | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator


Key = tuple[str, int, int, "datetime.date | None"]  # level, indicator, group, period start


@dataclass
class Figures:
    """All aggregates in scope, with the structure disclosure control needs."""

    indicators: dict[int, Indicator]
    cells: dict[Key, Figure]
    targets: dict[tuple[str, int, int], Decimal]
    period_targets: dict[Key, Decimal]  # the sum of the projects' targets for a period
    periods: list[tuple[datetime.date, str]]  # (start, name) in order
    project_call: dict[int, int]
    project_coalition: dict[int, int]
    coalition_call: dict[int, int]

    def get(self, level: str, indicator_id: int, group: int, period: Any = TOTAL) -> Figure | None:
        return self.cells.get((level, indicator_id, group, period))


def _approved(indicator_ids: Iterable[int] | None) -> QuerySet[Value]:
    qs = Value.objects.filter(
        status=ValueStatus.APPROVED,
        indicator__measure__in=[Measure.COUNT, Measure.PERCENTAGE],
        indicator__active=True,
    )
    if indicator_ids is not None:
        qs = qs.filter(indicator_id__in=list(indicator_ids))
    return qs


def _latest_only(qs: QuerySet[Value]) -> QuerySet[Value]:
    """For totals over periods: a latest-counts indicator uses each project's latest
    approved period only; a sum indicator uses every period."""
    later = Value.objects.filter(
        status=ValueStatus.APPROVED,
        project_id=OuterRef("project_id"),
        indicator_id=OuterRef("indicator_id"),
        period__starts__gt=OuterRef("period__starts"),
    )
    return qs.filter(Q(indicator__aggregation=Aggregation.SUM) | ~Exists(later))


_SUMS = {
    "s_total": Sum("value"),
    "s_numerator": Sum("numerator"),
    "s_denominator": Sum("denominator"),
    **{f"s_{name}": Sum(name) for name in BREAKDOWN_FIELDS},
    "s_projects": Count("project_id", distinct=True),
}


def _group_rows(qs: QuerySet[Value], level: str, per_period: bool) -> list[dict[str, Any]]:
    fields = ["indicator_id"]
    group_field = _GROUP_FIELD[level]
    if group_field:
        fields.append(group_field)
    if per_period:
        fields.append("period__starts")
    return list(qs.values(*fields).order_by().annotate(**_SUMS))


def _figure(row: dict[str, Any]) -> Figure:
    return Figure(
        total=row["s_total"],
        numerator=row["s_numerator"],
        denominator=row["s_denominator"],
        breakdown={name: row[f"s_{name}"] for name in BREAKDOWN_FIELDS},
        projects=row["s_projects"],
    )


def aggregate(
    *, indicator_ids: Iterable[int] | None = None, levels: Iterable[str] = LEVELS
) -> Figures:
    """Every aggregate of approved values at the given levels, per period and over all
    periods. Two grouped queries per level, two for targets per level (overall and per period),
    and three lookups."""
    ids = list(indicator_ids) if indicator_ids is not None else None
    base = _approved(ids)
    cells: dict[Key, Figure] = {}
    targets: dict[tuple[str, int, int], Decimal] = {}
    period_targets: dict[Key, Decimal] = {}
    for level in levels:
        group_field = _GROUP_FIELD[level]
        scope = (
            base.filter(project__coalition_membership__isnull=True) if level == OUTSIDE else base
        )
        # Over all periods, sum indicators need no subquery; only latest-counts indicators
        # look for a later approved period (a correlated subquery, on their rows only).
        sums = scope.filter(indicator__aggregation=Aggregation.SUM)
        latest = _latest_only(scope.filter(indicator__aggregation=Aggregation.LATEST))
        for per_period, qs in ((True, scope), (False, sums), (False, latest)):
            for row in _group_rows(qs, level, per_period):
                group = (row[group_field] or NO_GROUP) if group_field else NO_GROUP
                period = row["period__starts"] if per_period else TOTAL
                cells[(level, row["indicator_id"], group, period)] = _figure(row)
        if level == OUTSIDE:
            continue
        target_qs = ProjectIndicator.objects.filter(
            target__isnull=False, indicator__measure=Measure.COUNT
        )
        if ids is not None:
            target_qs = target_qs.filter(indicator_id__in=ids)
        target_fields = ["indicator_id"] + ([group_field] if group_field else [])
        for row in target_qs.values(*target_fields).order_by().annotate(t=Sum("target")):
            group = (row[group_field] or NO_GROUP) if group_field else NO_GROUP
            targets[(level, row["indicator_id"], group)] = row["t"]
        per_period_qs = PeriodTarget.objects.filter(link__indicator__measure=Measure.COUNT)
        if ids is not None:
            per_period_qs = per_period_qs.filter(link__indicator_id__in=ids)
        link_group = f"link__{group_field}" if group_field else None
        period_fields = ["link__indicator_id", "period__starts"] + (
            [link_group] if link_group else []
        )
        for row in per_period_qs.values(*period_fields).order_by().annotate(t=Sum("target")):
            group = (row[link_group] or NO_GROUP) if link_group else NO_GROUP
            period_targets[(level, row["link__indicator_id"], group, row["period__starts"])] = row[
                "t"
            ]
    indicator_qs = Indicator.objects.filter(active=True).exclude(measure=Measure.QUALITATIVE)
    if ids is not None:
        indicator_qs = indicator_qs.filter(pk__in=ids)
    periods: dict[datetime.date, str] = {}
    for starts, name in ReportingPeriod.objects.order_by("starts", "pk").values_list(
        "starts", "name"
    ):
        periods.setdefault(starts, name)
    project_call: dict[int, int] = {}
    project_coalition: dict[int, int] = {}
    for pk, call_id, coalition_id in Project.objects.values_list(
        "pk", "call_id", "coalition_membership__coalition_id"
    ):
        project_call[pk] = call_id or NO_CALL
        if coalition_id:
            project_coalition[pk] = coalition_id
    coalition_call = dict(Coalition.objects.values_list("pk", "call_id"))
    return Figures(
        indicators={i.pk: i for i in indicator_qs.order_by("kind", "code")},
        cells=cells,
        targets=targets,
        period_targets=period_targets,
        periods=sorted(periods.items()),
        project_call=project_call,
        project_coalition=project_coalition,
        coalition_call=coalition_call,
    )


# --- Completeness ---------------------------------------------------------------------------


@dataclass
class PeriodCompleteness:
    period: ReportingPeriod
    reported: list[Project]
    late: list[Project]
    waiting: list[Project]

    @property
    def expected(self) -> int:
        return len(self.reported) + len(self.late) + len(self.waiting)


def reporting_projects(call: Call | None) -> QuerySet[Project]:
    """The projects that report: those with at least one indicator."""
    qs = Project.objects.filter(evaluation_indicators__isnull=False).distinct()
    return qs.filter(call=call) if call is not None else qs.filter(call__isnull=True)


def completeness(call: Call | None, today: datetime.date | None = None) -> list[PeriodCompleteness]:
    """Per period of the call: who has reported (submitted or approved something), who is
    late (nothing submitted after the due date) and who still has time. Three queries."""
    today = today or timezone.localdate()
    projects = list(reporting_projects(call).order_by("number"))
    periods = list(periods_for_call(call))
    done = set(
        Value.objects.filter(
            period__in=periods,
            project__in=projects,
            status__in=[ValueStatus.SUBMITTED, ValueStatus.APPROVED],
        ).values_list("period_id", "project_id")
    )
    rows = []
    for period in periods:
        reported = [p for p in projects if (period.pk, p.pk) in done]
        missing = [p for p in projects if (period.pk, p.pk) not in done]
        late = missing if period.is_overdue(today) else []
        waiting = [] if period.is_overdue(today) else missing
        rows.append(PeriodCompleteness(period, reported, late, waiting))
    return rows


@dataclass
class ProgrammePeriod:
    name: str
    expected: int
    reported: int
    late: int


def programme_completeness(today: datetime.date | None = None) -> list[ProgrammePeriod]:
    """Per period (periods with the same start date across calls): how many reporting
    projects there are, how many have reported and how many are late. Three queries."""
    today = today or timezone.localdate()
    periods = list(ReportingPeriod.objects.order_by("starts", "pk"))
    projects: dict[int | None, int] = defaultdict(int)
    for call_id in (
        Project.objects.filter(evaluation_indicators__isnull=False)
        .distinct()
        .values_list("call_id", flat=True)
    ):
        projects[call_id] += 1
    done: dict[int, int] = defaultdict(int)
    for period_id, _project in set(
        Value.objects.filter(status__in=[ValueStatus.SUBMITTED, ValueStatus.APPROVED]).values_list(
            "period_id", "project_id"
        )
    ):
        done[period_id] += 1
    rows: dict[datetime.date, ProgrammePeriod] = {}
    for period in periods:
        row = rows.setdefault(period.starts, ProgrammePeriod(period.name, 0, 0, 0))
        expected = projects.get(period.call_id, 0)
        row.expected += expected
        row.reported += done.get(period.pk, 0)
        if period.is_overdue(today):
            row.late += max(0, expected - done.get(period.pk, 0))
    return list(rows.values())


def calls_with_periods() -> QuerySet[Call]:
    return (
        Call.objects.annotate(
            project_count=Count("projects", distinct=True),
            period_count=Count("reporting_periods", distinct=True),
        )
        .filter(Q(period_count__gt=0) | Q(project_count__gt=0))
        .order_by("-opens", "reference")
    )


def coalitions_of_call(call: Call) -> QuerySet[Coalition]:
    return (
        Coalition.objects.filter(call=call)
        .annotate(project_count=Count("members", distinct=True))
        .order_by("name")
    )


def projects_of_coalition(coalition: Coalition) -> list[Project]:
    return [
        m.project
        for m in CoalitionProject.objects.filter(coalition=coalition).select_related("project")
    ]


def coalitions_of_staff(user: Any) -> QuerySet[Coalition]:
    """The coalitions a process leader leads or a coach's projects are in."""
    return (
        Coalition.objects.filter(
            Q(process_leaders=user.pk) | Q(members__project__coach_assignments__coach=user.pk)
        )
        .distinct()
        .select_related("call")
        .order_by("name")
    )


def projects_of_member(user: Any) -> QuerySet[Project]:
    return Project.objects.filter(members__user_id=user.pk).distinct().order_by("number")


def late_periods_for_user(user: Any, today: datetime.date | None = None) -> list[dict[str, Any]]:
    """For a project member's home: open periods past their due date with nothing submitted."""
    today = today or timezone.localdate()
    projects = list(
        Project.objects.filter(members__user_id=user.pk, evaluation_indicators__isnull=False)
        .distinct()
        .prefetch_related(
            Prefetch(
                "call__reporting_periods",
                queryset=ReportingPeriod.objects.filter(due__lt=today, locks__gt=today),
                to_attr="overdue_periods",
            )
        )
        .select_related("call")
    )
    submitted = set(
        Value.objects.filter(
            project__in=projects, status__in=[ValueStatus.SUBMITTED, ValueStatus.APPROVED]
        ).values_list("project_id", "period_id")
    )
    rows: list[dict[str, Any]] = []
    for project in projects:
        for period in getattr(project.call, "overdue_periods", []) if project.call else []:
            if (project.pk, period.pk) not in submitted:
                rows.append({"project": project, "period": period})
    return rows


# --- Evaluation cycles ----------------------------------------------------------------------


def cycles_for(user: Any) -> QuerySet[EvaluationCycle]:
    """The cycles `user` may read, with their number of projects and their evaluators: every
    cycle for the centre team, published ones only for the funder."""
    qs = EvaluationCycle.objects.annotate(project_count=Count("projects", distinct=True))
    if not is_centre_team(user):
        qs = qs.filter(status=CycleStatus.PUBLISHED)
    return qs.prefetch_related("evaluators").order_by("-year", "title_sv")


def cycle_with_details(cycle: EvaluationCycle) -> EvaluationCycle:
    """The cycle with its projects, evaluators, questions and key dates in five queries."""
    return (
        EvaluationCycle.objects.select_related("call", "coalition")
        .prefetch_related(
            Prefetch("projects", queryset=Project.objects.order_by("number")),
            "evaluators",
            "questions",
            "dates",
        )
        .get(pk=cycle.pk)
    )


def questions_by_focus_area(cycle: EvaluationCycle) -> list[tuple[Any, list[Any]]]:
    """The cycle's questions under each focus area that has some, in focus-area order."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for question in cycle.questions.all():
        grouped[question.focus_area].append(question)
    return [(area, grouped[area.value]) for area in FocusArea if grouped[area.value]]


def codebook(cycle: EvaluationCycle) -> list[tuple[Any, list[Code]]]:
    """The cycle's top-level codes with their sub-codes (`code.subcodes`), under each focus
    area that has codes, in focus-area order; two queries."""
    codes = list(
        cycle.codes.filter(parent__isnull=True).prefetch_related(
            Prefetch("children", queryset=Code.objects.order_by("name_sv"), to_attr="subcodes")
        )
    )
    grouped: dict[str, list[Code]] = defaultdict(list)
    for code in codes:
        grouped[code.focus_area].append(code)
    return [(area, grouped[area.value]) for area in FocusArea if grouped[area.value]]


def cycles_to_copy_codes_from(cycle: EvaluationCycle) -> QuerySet[EvaluationCycle]:
    """Other cycles with a codebook, the latest first (last year's cycle of the same cluster
    is usually the first)."""
    return (
        EvaluationCycle.objects.exclude(pk=cycle.pk)
        .filter(codes__isnull=False)
        .distinct()
        .order_by("-year", "title_sv")
    )


@dataclass
class Source:
    """A text of the cluster's projects that excerpts can be drawn from."""

    key: str  # "lesson-12", "reflection-7"
    kind: str
    obj: Any
    label: str


def _lessons(cycle: EvaluationCycle) -> QuerySet[Lesson]:
    return (
        Lesson.objects.filter(projects__evaluation_cycles=cycle)
        .distinct()
        .select_related("meeting")
        .order_by("meeting__starts_at", "pk")
    )


def _reflections(cycle: EvaluationCycle) -> QuerySet[Reflection]:
    return (
        Reflection.objects.filter(project__evaluation_cycles=cycle)
        .select_related("meeting", "project")
        .order_by("meeting__starts_at", "project__number", "pk")
    )


def _shared_notes(cycle: EvaluationCycle) -> QuerySet[Note]:
    """Coaching notes shared with the cycle's projects; private notes are never a source."""
    return (
        Note.objects.filter(
            session__project__evaluation_cycles=cycle, visibility=NoteVisibility.SHARED
        )
        .select_related("session__project")
        .order_by("session__starts_at", "pk")
    )


def excerpt_sources(cycle: EvaluationCycle) -> list[Source]:
    """The lessons learned, reflections and shared coaching notes of the cycle's projects
    (private coaching notes are never a source)."""
    kinds = dict(ExcerptSource.choices)
    sources = [
        Source(
            f"lesson-{lesson.pk}",
            ExcerptSource.LESSON,
            lesson,
            f"{kinds[ExcerptSource.LESSON]}, {lesson.meeting.title}: {lesson.text[:60]}",
        )
        for lesson in _lessons(cycle)
    ]
    sources += [
        Source(
            f"reflection-{reflection.pk}",
            ExcerptSource.REFLECTION,
            reflection,
            f"{kinds[ExcerptSource.REFLECTION]}, {reflection.project.number}, "
            f"{reflection.meeting.title}: {reflection.text[:60]}",
        )
        for reflection in _reflections(cycle)
    ]
    sources += [
        Source(
            f"note-{note.pk}",
            ExcerptSource.COACHING_NOTE,
            note,
            f"{kinds[ExcerptSource.COACHING_NOTE]}, {note.session.project.number}, "
            f"{formats.date_format(timezone.localtime(note.session.starts_at))}: "
            f"{note.text[:60]}",
        )
        for note in _shared_notes(cycle)
    ]
    sources += [
        Source(
            f"{ExcerptSource.SURVEY}-{answer.pk}",
            ExcerptSource.SURVEY,
            answer,
            f"{kinds[ExcerptSource.SURVEY]}, {answer.response.project.number}, "
            f"{answer.question.version.survey.title}: {answer.text[:60]}",
        )
        for answer in _survey_texts(cycle)
    ]
    return sources


def _survey_texts(cycle: EvaluationCycle) -> QuerySet[Any]:
    """Free-text answers to the cycle's surveys from the cycle's projects (issue 15)."""
    return (
        Answer.objects.filter(
            question__kind=QuestionType.TEXT,
            question__version__survey__cycle=cycle,
            response__project__in=cycle.projects.all(),
        )
        .exclude(text="")
        .select_related("response__project", "question__version__survey")
        .order_by("response__project__number", "question__position", "id")
    )


def excerpt_source(cycle: EvaluationCycle, key: str) -> Source | None:
    """One source of the cycle by its key, or None when the key is not one of its sources."""
    kind, _sep, pk = (key or "").partition("-")
    if kind == ExcerptSource.SURVEY:  # answers have random UUID keys
        try:
            answer = _survey_texts(cycle).filter(pk=pk).first()
        except ValidationError:
            return None
        return Source(key, kind, answer, answer.text[:60]) if answer else None
    if not pk.isdigit():
        return None
    if kind == ExcerptSource.LESSON:
        lesson = _lessons(cycle).filter(pk=pk).first()
        return Source(key, kind, lesson, lesson.text[:60]) if lesson else None
    if kind == ExcerptSource.REFLECTION:
        reflection = _reflections(cycle).filter(pk=pk).first()
        return Source(key, kind, reflection, reflection.text[:60]) if reflection else None
    if kind == ExcerptSource.COACHING_NOTE:
        note = _shared_notes(cycle).filter(pk=pk).first()
        return Source(key, kind, note, note.text[:60]) if note else None
    return None


def excerpts_of(cycle: EvaluationCycle) -> QuerySet[Excerpt]:
    return (
        Excerpt.objects.filter(cycle=cycle)
        .select_related("project", "lesson", "reflection", "note", "answer")
        .prefetch_related(Prefetch("codes", queryset=Code.objects.order_by("name_sv")))
        .order_by("project__number", "created_at", "pk")
    )
