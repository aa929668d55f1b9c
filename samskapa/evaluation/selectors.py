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
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import formats, timezone

from samskapa.accounts.rules import is_centre_team
from samskapa.coaching.enums import NoteVisibility
from samskapa.coaching.models import Note
from samskapa.coalitions.models import Coalition, CoalitionProject, Lesson, Reflection
from samskapa.core import heatmap
from samskapa.core.enums import FocusArea
from samskapa.evaluation.cycles import Code, CycleStatus, EvaluationCycle, Excerpt, ExcerptSource
from samskapa.evaluation.enums import BREAKDOWN_FIELDS, Aggregation, Measure, ValueStatus
from samskapa.evaluation.findings import Finding, Recommendation, RecommendationResponse, Theme
from samskapa.evaluation.models import (
    Aggregate,
    AggregateState,
    Indicator,
    PeriodTarget,
    ProjectIndicator,
    ReportingPeriod,
    Value,
)
from samskapa.evaluation.pseudonyms import pseudonyms
from samskapa.evaluation.surveys import Answer, QuestionType
from samskapa.evaluation.surveys import Question as SurveyQuestion
from samskapa.projects.enums import MemberRole
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
    """The shared catalogue (the projects' own indicators are not in it)."""
    return Indicator.objects.filter(project__isnull=True).order_by("kind", "code")


def active_indicators() -> QuerySet[Indicator]:
    return Indicator.objects.filter(active=True, project__isnull=True).order_by("kind", "code")


def indicators_for_project(project: Project) -> QuerySet[Indicator]:
    """What a project may report on: the active shared catalogue and its own indicators."""
    return Indicator.objects.filter(
        Q(project__isnull=True) | Q(project=project), active=True
    ).order_by("kind", "code")


def indicators_by_id(ids: Iterable[int]) -> dict[int, Indicator]:
    return Indicator.objects.in_bulk(list(ids))


def values_of(
    project: Project, indicator_ids: Iterable[int], at: datetime.datetime | None = None
) -> list[Any]:
    """The project's values of these indicators, oldest period first, with their period: now,
    or as they were at `at` (their historical records, with the same fields). One query (two
    as of a date)."""
    ids = list(indicator_ids)
    if at is None:
        live = Value.objects.filter(project=project, indicator_id__in=ids).select_related("period")
        return sorted(live, key=lambda v: (v.period.starts, v.indicator_id))
    # The historical records themselves, not `as_of` instances: those fetch the field the
    # history leaves out (updated_at) with one query each.
    history: Any = Value.history
    rows: list[Any] = [
        record
        for record in history.filter(
            history_date__lte=at, project_id=project.pk, indicator_id__in=ids
        ).latest_of_each()
        if record.history_type != "-"
    ]
    periods = ReportingPeriod.objects.in_bulk({v.period_id for v in rows})
    for row in rows:
        row.period = periods[row.period_id]
    return sorted(rows, key=lambda v: (v.period.starts, v.indicator_id))


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
    targets: dict[tuple[str, int, int], Decimal]
    period_targets: dict[Key, Decimal]  # the sum of the projects' targets for a period
    periods: list[tuple[datetime.date, str]]  # (start, name) in order
    project_call: dict[int, int]
    project_coalition: dict[int, int]
    coalition_call: dict[int, int]
    # The cache key of what disclosure control makes of these figures (`stored_version`);
    # None when they depend on more than the stored aggregates (the project level).
    version: str | None = None
    # The cells are read when first asked for: disclosure control's cached result needs none.
    load_cells: Callable[[], dict[Key, Figure]] = field(default=dict, repr=False)
    _cells: dict[Key, Figure] | None = field(default=None, repr=False)

    @property
    def cells(self) -> dict[Key, Figure]:
        if self._cells is None:
            self._cells = self.load_cells()
        return self._cells

    def get(self, level: str, indicator_id: int, group: int, period: Any = TOTAL) -> Figure | None:
        return self.cells.get((level, indicator_id, group, period))


def _approved(indicator_ids: Iterable[int] | None, *, own: bool = False) -> QuerySet[Value]:
    """Approved values of active counts and percentages; of the shared catalogue only unless
    `own` (the projects' own indicators are figures of one project, never aggregated)."""
    qs = Value.objects.filter(
        status=ValueStatus.APPROVED,
        indicator__measure__in=[Measure.COUNT, Measure.PERCENTAGE],
        indicator__active=True,
    )
    if not own:
        qs = qs.filter(indicator__project__isnull=True)
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


def _live_cells(
    levels: Iterable[str],
    ids: list[int] | None,
    *,
    projects: list[int] | None = None,
    own: bool = False,
) -> dict[Key, Figure]:
    """The aggregates computed from the values: three grouped queries per level."""
    base = _approved(ids, own=own)
    if projects is not None:
        base = base.filter(project_id__in=projects)
    cells: dict[Key, Figure] = {}
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
    return cells


def aggregate_live(
    *, indicator_ids: Iterable[int] | None = None, levels: Iterable[str] = PUBLISHED_LEVELS
) -> dict[Key, Figure]:
    """The cells of `aggregate`, computed afresh from the values (what the stored aggregates
    must equal; tests compare the two)."""
    return _live_cells(levels, list(indicator_ids) if indicator_ids is not None else None)


# The stored aggregates (models.Aggregate): per indicator, period start (None: all periods),
# call and coalition. Projects partition into these groups, so every published level is a sum
# of rows, the number of projects included.
_STORED = [
    "indicator_id",
    "period_starts",
    "call_id",
    "coalition_id",
    "total",
    "numerator",
    "denominator",
    *BREAKDOWN_FIELDS,
    "projects",
]
_SUMMED = ["total", "numerator", "denominator", *BREAKDOWN_FIELDS]


def aggregate_rows(indicator_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """The stored aggregates computed from the approved values of the shared catalogue: three
    grouped queries (per period; over periods for sum and for latest-counts indicators)."""
    base = _approved(list(indicator_ids) if indicator_ids is not None else None)
    groups = ["indicator_id", "project__call_id", "project__coalition_membership__coalition_id"]
    sums = base.filter(indicator__aggregation=Aggregation.SUM)
    latest = _latest_only(base.filter(indicator__aggregation=Aggregation.LATEST))
    rows = []
    for per_period, qs in ((True, base), (False, sums), (False, latest)):
        fields = groups + (["period__starts"] if per_period else [])
        for row in qs.values(*fields).order_by().annotate(**_SUMS):
            rows.append(
                {
                    "indicator_id": row["indicator_id"],
                    "period_starts": row["period__starts"] if per_period else None,
                    "call_id": row["project__call_id"],
                    "coalition_id": row["project__coalition_membership__coalition_id"],
                    "total": row["s_total"],
                    "numerator": row["s_numerator"],
                    "denominator": row["s_denominator"],
                    **{name: row[f"s_{name}"] for name in BREAKDOWN_FIELDS},
                    "projects": row["s_projects"],
                }
            )
    return rows


def membership_key(project_call: dict[int, int], project_coalition: dict[int, int]) -> str:
    """A fingerprint of which call and coalition every project is in: the stored aggregates
    are grouped by them, so they are valid only for the membership they were built with."""
    text = ";".join(
        f"{pk}:{call}:{project_coalition.get(pk, 0)}" for pk, call in sorted(project_call.items())
    )
    return hashlib.sha256(text.encode()).hexdigest()


def memberships() -> tuple[dict[int, int], dict[int, int]]:
    """Each project's call (NO_CALL for none) and coalition (only those in one). One query."""
    project_call: dict[int, int] = {}
    project_coalition: dict[int, int] = {}
    for pk, call_id, coalition_id in Project.objects.values_list(
        "pk", "call_id", "coalition_membership__coalition_id"
    ):
        project_call[pk] = call_id or NO_CALL
        if coalition_id:
            project_coalition[pk] = coalition_id
    return project_call, project_coalition


def _roll_up(rows: Iterable[tuple[Any, ...]], levels: Iterable[str]) -> dict[Key, Figure]:
    """The published levels as sums of stored rows (tuples in the order of `_STORED`)."""
    wanted = [level for level in levels if level in PUBLISHED_LEVELS]
    cells: dict[Key, Figure] = {}
    for row in rows:
        indicator_id, period, call_id, coalition_id = row[:4]
        sums = row[4:-1]
        for level in wanted:
            if level == PROGRAMME:
                group = NO_GROUP
            elif level == CALL:
                group = call_id or NO_CALL
            elif level == COALITION:
                group = coalition_id or NO_GROUP
            elif coalition_id:  # OUTSIDE: only projects outside any coalition
                continue
            else:
                group = call_id or NO_GROUP
            key = (level, indicator_id, group, period)
            figure = cells.get(key)
            if figure is None:
                cells[key] = Figure(
                    total=sums[0],
                    numerator=sums[1],
                    denominator=sums[2],
                    breakdown=dict(zip(BREAKDOWN_FIELDS, sums[3:], strict=True)),
                    projects=row[-1],
                )
                continue
            figure.total = _plus(figure.total, sums[0])
            figure.numerator = _plus(figure.numerator, sums[1])
            figure.denominator = _plus(figure.denominator, sums[2])
            for name, value in zip(BREAKDOWN_FIELDS, sums[3:], strict=True):
                figure.breakdown[name] = _plus(figure.breakdown[name], value)
            figure.projects += row[-1]
    return cells


def _plus(a: int | None, b: int | None) -> int | None:
    """SQL's SUM over groups: None only when both are None."""
    if a is None:
        return b
    return a if b is None else a + b


def _state() -> tuple[str | None, Any]:
    """The membership the stored aggregates were built for and their version. One query."""
    row = AggregateState.objects.filter(pk=1).values_list("membership", "version").first()
    return row if row is not None else (None, None)


def stored_version(
    membership: str, coalition_call: dict[int, int], version: Any, *scope: Any
) -> str:
    """What figures computed from the published levels depend on, as a cache key: the stored
    aggregates' version (every `services.refresh_aggregates` makes a new one: every approval,
    return, correction, change of an indicator or a period), the membership of calls and
    coalitions (a project moved since the last refresh changes it, and the figures with it),
    the coalitions' calls, and the scope asked for (levels, indicators)."""
    text = repr((version, membership, sorted(coalition_call.items()), scope))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def published_version() -> str:
    """`stored_version` of every published level and indicator. Three queries."""
    project_call, project_coalition = memberships()
    coalition_call = dict(Coalition.objects.values_list("pk", "call_id"))
    membership = membership_key(project_call, project_coalition)
    return stored_version(membership, coalition_call, _state()[1])


def _stored_cells(
    levels: Iterable[str], ids: list[int] | None, key: str, state: str | None
) -> dict[Key, Figure] | None:
    """The published levels read from the stored aggregates in one query, or None when they
    were built for another membership of calls and coalitions (then `aggregate` computes
    them from the values until the next refresh)."""
    if state != key:
        return None
    qs = Aggregate.objects.all()
    if ids is not None:
        qs = qs.filter(indicator_id__in=ids)
    if set(levels) <= {PROGRAMME, CALL}:  # the calls' sums are enough: added up by the database
        sums = {f"s_{name}": Sum(name) for name in [*_SUMMED, "projects"]}
        grouped = (
            qs.values("indicator_id", "period_starts", "call_id")
            .order_by()
            .annotate(**sums)
            .values_list("indicator_id", "period_starts", "call_id", *sums)
        )
        return _roll_up(((*row[:3], None, *row[3:]) for row in grouped), levels)
    return _roll_up(qs.values_list(*_STORED), levels)


def _targets(
    levels: Iterable[str], ids: list[int] | None, projects: list[int] | None
) -> tuple[dict[tuple[str, int, int], Decimal], dict[Key, Decimal]]:
    """Summed targets (counts) per level: overall and per period. Two grouped queries by
    call and coalition for the published levels, two by project for the project level."""
    targets: dict[tuple[str, int, int], Decimal] = defaultdict(Decimal)
    period_targets: dict[Key, Decimal] = defaultdict(Decimal)
    overall = ProjectIndicator.objects.filter(
        target__isnull=False, indicator__measure=Measure.COUNT
    )
    per_period = PeriodTarget.objects.filter(link__indicator__measure=Measure.COUNT)
    if ids is not None:
        overall = overall.filter(indicator_id__in=ids)
        per_period = per_period.filter(link__indicator_id__in=ids)
    published = [level for level in levels if level in (PROGRAMME, CALL, COALITION)]
    if published:
        call, coalition = "project__call_id", "project__coalition_membership__coalition_id"
        for row in (
            overall.values("indicator_id", call, coalition).order_by().annotate(t=Sum("target"))
        ):
            for level, group in _target_groups(published, row[call], row[coalition]):
                targets[(level, row["indicator_id"], group)] += row["t"]
        fields = ["link__indicator_id", "period__starts", f"link__{call}", f"link__{coalition}"]
        for row in per_period.values(*fields).order_by().annotate(t=Sum("target")):
            for level, group in _target_groups(
                published, row[f"link__{call}"], row[f"link__{coalition}"]
            ):
                key = (level, row["link__indicator_id"], group, row["period__starts"])
                period_targets[key] += row["t"]
    if PROJECT in levels:
        if projects is not None:
            overall = overall.filter(project_id__in=projects)
            per_period = per_period.filter(link__project_id__in=projects)
        for row in (
            overall.values("indicator_id", "project_id").order_by().annotate(t=Sum("target"))
        ):
            targets[(PROJECT, row["indicator_id"], row["project_id"])] += row["t"]
        for row in (
            per_period.values("link__indicator_id", "period__starts", "link__project_id")
            .order_by()
            .annotate(t=Sum("target"))
        ):
            key = (
                PROJECT,
                row["link__indicator_id"],
                row["link__project_id"],
                row["period__starts"],
            )
            period_targets[key] += row["t"]
    return dict(targets), dict(period_targets)


def _target_groups(
    levels: list[str], call_id: int | None, coalition_id: int | None
) -> list[tuple[str, int]]:
    groups = {PROGRAMME: NO_GROUP, CALL: call_id or NO_CALL, COALITION: coalition_id or NO_GROUP}
    return [(level, groups[level]) for level in levels]


def aggregate(
    *,
    indicator_ids: Iterable[int] | None = None,
    levels: Iterable[str] = LEVELS,
    projects: Iterable[Project] | None = None,
    own: bool = False,
) -> Figures:
    """Every aggregate of approved values at the given levels, per period and over all
    periods. The published levels (programme, call, coalition) come from the stored
    aggregates in one query (from the values when those were built for another membership of
    calls and coalitions); the project level from the values, for `projects` only when given,
    with their own indicators when `own`. Two queries for targets, two more for the project
    level, and four lookups. The cells are read when first used (`Figures.cells`)."""
    ids = list(indicator_ids) if indicator_ids is not None else None
    levels = tuple(levels)
    project_ids = [p.pk for p in projects] if projects is not None else None
    project_call, project_coalition = memberships()
    published = tuple(level for level in levels if level in PUBLISHED_LEVELS)
    membership = membership_key(project_call, project_coalition)
    state, version = _state() if published else (None, None)

    def load_cells() -> dict[Key, Figure]:
        cells: dict[Key, Figure] = {}
        if published:
            stored = _stored_cells(published, ids, membership, state)
            cells.update(stored if stored is not None else _live_cells(published, ids))
        if PROJECT in levels:
            cells.update(
                _live_cells([PROJECT], ids, projects=project_ids, own=project_ids is not None)
            )
        return cells

    targets, period_targets = _targets(levels, ids, project_ids)
    indicator_qs = Indicator.objects.filter(active=True).exclude(measure=Measure.QUALITATIVE)
    if own and project_ids is not None:
        indicator_qs = indicator_qs.filter(Q(project__isnull=True) | Q(project_id__in=project_ids))
    else:
        indicator_qs = indicator_qs.filter(project__isnull=True)
    if ids is not None:
        indicator_qs = indicator_qs.filter(pk__in=ids)
    periods: dict[datetime.date, str] = {}
    for starts, name in ReportingPeriod.objects.order_by("starts", "pk").values_list(
        "starts", "name"
    ):
        periods.setdefault(starts, name)
    coalition_call = dict(Coalition.objects.values_list("pk", "call_id"))
    indicators = {i.pk: i for i in indicator_qs.order_by("kind", "code")}
    return Figures(
        indicators=indicators,
        load_cells=load_cells,
        targets=targets,
        period_targets=period_targets,
        periods=sorted(periods.items()),
        project_call=project_call,
        project_coalition=project_coalition,
        coalition_call=coalition_call,
        # The project level is computed from the values for the projects asked for: only
        # figures without it are determined by the stored aggregates.
        version=None
        if PROJECT in levels
        else stored_version(membership, coalition_call, version, levels, sorted(indicators)),
    )


# --- Completeness ---------------------------------------------------------------------------


@dataclass
class PeriodCompleteness:
    period: ReportingPeriod
    reported: int  # how many projects have reported
    late: list[Project]
    waiting: list[Project]

    @property
    def expected(self) -> int:
        return self.reported + len(self.late) + len(self.waiting)


def reporting_projects(call: Call | None) -> QuerySet[Project]:
    """The projects that report: those with at least one indicator."""
    qs = Project.objects.filter(evaluation_indicators__isnull=False).distinct()
    return qs.filter(call=call) if call is not None else qs.filter(call__isnull=True)


def projects_in_order(ids: list[int]) -> list[Project]:
    """These projects, in the order given. One query."""
    found = Project.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def completeness(call: Call | None, today: datetime.date | None = None) -> list[PeriodCompleteness]:
    """Per period of the call: how many have reported (submitted or approved something), who
    is late (nothing submitted after the due date) and who still has time. Four queries,
    however many projects: the database counts the projects and finds those that have not
    reported; only these are read."""
    today = today or timezone.localdate()
    periods = list(periods_for_call(call))
    expected = reporting_projects(call).count()
    missing = _not_reported(call)
    found = Project.objects.in_bulk({project for pairs in missing.values() for project in pairs})
    rows = []
    for period in periods:
        projects = sorted(
            (found[pk] for pk in missing.get(period.pk, ()) if pk in found),
            key=lambda p: (p.number, p.pk),
        )
        late = projects if period.is_overdue(today) else []
        waiting = [] if period.is_overdue(today) else projects
        rows.append(PeriodCompleteness(period, expected - len(projects), late, waiting))
    return rows


def _not_reported(call: Call | None) -> dict[int, list[int]]:
    """Per period of the call, the reporting projects with nothing submitted or approved for
    it. One query: the call's periods × its reporting projects, less those with a value."""
    period, project = ReportingPeriod._meta.db_table, Project._meta.db_table
    link, value = ProjectIndicator._meta.db_table, Value._meta.db_table
    join = "p.call_id = r.call_id AND r.call_id = %s" if call else "p.call_id IS NULL"
    where = "p.call_id = %s" if call else "r.call_id IS NULL"
    sql = (
        f"SELECT r.id, p.id FROM {period} r JOIN {project} p ON {join} WHERE {where} "  # noqa: S608
        f"AND EXISTS (SELECT 1 FROM {link} l WHERE l.project_id = p.id) "
        f"AND NOT EXISTS (SELECT 1 FROM {value} v WHERE v.period_id = r.id "
        "AND v.project_id = p.id AND v.status IN (%s, %s))"
    )
    params: list[Any] = [call.pk, call.pk] if call else []
    params += [ValueStatus.SUBMITTED, ValueStatus.APPROVED]
    missing: dict[int, list[int]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for period_id, project_id in cursor.fetchall():
            missing[period_id].append(project_id)
    return missing


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
    # Counted by the database: the number of projects with something submitted or approved.
    done: dict[int, int] = dict(
        Value.objects.filter(status__in=[ValueStatus.SUBMITTED, ValueStatus.APPROVED])
        .values("period_id")
        .order_by()
        .annotate(n=Count("project_id", distinct=True))
        .values_list("period_id", "n")
    )
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


# --- Themes, findings and recommendations (issue 14, point 3) -------------------------------


def cycle_pseudonyms(cycle: EvaluationCycle, projects: Iterable[Project]) -> dict[int, str]:
    """The results work's pseudonyms of the cycle's projects (per call and the cycle's year);
    when the cluster spans several calls, each code carries its call's reference."""
    by_call: dict[int, list[Project]] = defaultdict(list)
    for project in projects:
        by_call[project.call_id or NO_CALL].append(project)
    names: dict[int, str] = {}
    for call_id, members in by_call.items():
        codes = pseudonyms(call_id, cycle.year, [p.pk for p in members])
        for project in members:
            code = codes[project.pk]
            if len(by_call) > 1 and project.call is not None:
                code = f"{code} ({project.call.reference})"
            names[project.pk] = code
    return names


def themes_of(cycle: EvaluationCycle) -> list[Any]:
    """The cycle's themes with their codes (`theme.code_list`); two queries."""
    return list(
        Theme.objects.filter(cycle=cycle).prefetch_related(
            Prefetch(
                "codes",
                queryset=Code.objects.select_related("parent").order_by("focus_area", "name_sv"),
                to_attr="code_list",
            )
        )
    )


@dataclass
class ThemeEvidence:
    """How a theme is supported: its excerpts, and the distinct projects and kinds of source
    they come from (its cross-confirmation)."""

    excerpts: set[int] = field(default_factory=set)
    projects: dict[int, list[datetime.datetime]] = field(default_factory=lambda: defaultdict(list))
    kinds: set[str] = field(default_factory=set)

    @property
    def project_count(self) -> int:
        return len(self.projects)

    @property
    def kind_count(self) -> int:
        return len(self.kinds)

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(ExcerptSource.choices)
        return [str(labels[k]) for k in ExcerptSource.values if k in self.kinds]


def theme_evidence(cycle: EvaluationCycle, themes: list[Any]) -> dict[int, ThemeEvidence]:
    """Each theme's evidence: the excerpts coded with one of its codes or their sub-codes.
    Three queries whatever the number of themes and excerpts."""
    parent_of = dict(Code.objects.filter(cycle=cycle).values_list("pk", "parent_id"))
    themes_of_code: dict[int, set[int]] = defaultdict(set)
    for theme_id, code_id in Theme.codes.through.objects.filter(theme__cycle=cycle).values_list(
        "theme_id", "code_id"
    ):
        themes_of_code[code_id].add(theme_id)
    evidence = {theme.pk: ThemeEvidence() for theme in themes}
    rows = Excerpt.codes.through.objects.filter(excerpt__cycle=cycle).values_list(
        "excerpt_id", "code_id", "excerpt__project_id", "excerpt__kind", "excerpt__created_at"
    )
    for excerpt_id, code_id, project_id, kind, created_at in rows:
        theme_ids = themes_of_code.get(code_id, set()) | themes_of_code.get(
            parent_of.get(code_id) or 0, set()
        )
        for theme_id in theme_ids:
            found = evidence.get(theme_id)
            if found is None or excerpt_id in found.excerpts:
                continue
            found.excerpts.add(excerpt_id)
            found.projects[project_id].append(created_at)
            found.kinds.add(kind)
    return evidence


def theme_matrix(
    cycle: EvaluationCycle, themes: list[Any], evidence: dict[int, ThemeEvidence]
) -> Any:
    """The theme × project heatmap: each cell the number of the project's excerpts supporting
    the theme (dated by the latest of them); projects under the results work's pseudonyms.
    None when the cycle has no themes or no projects."""
    projects = list(cycle.projects.select_related("call"))
    if not themes or not projects:
        return None
    names = cycle_pseudonyms(cycle, projects)
    columns = sorted((heatmap.Header(p.pk, names[p.pk]) for p in projects), key=lambda h: h.label)
    points = [
        heatmap.Point(theme_id, project_id, timezone.localdate(max(dates)), len(dates))
        for theme_id, found in evidence.items()
        for project_id, dates in found.projects.items()
    ]
    high = max(max((p.value for p in points), default=1), 1)
    return heatmap.build(
        rows=[heatmap.Header(t.pk, t.name) for t in themes],
        columns=columns,
        points=points,
        low=0,
        high=high,
        levels=min(5, int(high) + 1),  # whole numbers of excerpts in the legend when few
    )


def findings_of(cycle: EvaluationCycle, *, drafts: bool) -> list[Any]:
    """The cycle's findings (only those shared with the cluster unless `drafts`), with their
    theme, conference session, excerpts, indicators, cited survey questions and
    recommendations with their answers;
    a constant number of queries."""
    qs = Finding.objects.filter(cycle=cycle)
    if not drafts:
        qs = qs.filter(shared=True)
    return list(
        qs.select_related("theme", "session")
        .prefetch_related(
            Prefetch(
                "excerpts",
                queryset=Excerpt.objects.select_related(
                    "project", "lesson", "reflection", "note"
                ).order_by("project__number", "pk"),
            ),
            Prefetch("indicators", queryset=Indicator.objects.order_by("code")),
            Prefetch(
                "survey_questions",
                queryset=SurveyQuestion.objects.select_related("version__survey").order_by(
                    "version__survey__title_sv", "version__survey_id", "position", "pk"
                ),
            ),
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.prefetch_related(
                    Prefetch(
                        "responses",
                        queryset=RecommendationResponse.objects.select_related("project"),
                    )
                ),
            ),
        )
        .order_by("focus_area", "pk")
    )


def latest_responses(recommendation: Any) -> list[Any]:
    """The current answer of each responder (a project, or the centre), from the prefetched
    answers (newest first): the latest of each."""
    seen: set[int | None] = set()
    latest = []
    for response in recommendation.responses.all():
        if response.project_id in seen:
            continue
        seen.add(response.project_id)
        latest.append(response)
    return sorted(
        latest, key=lambda r: (r.project is not None, r.project.number if r.project else "")
    )


def cluster_group(cycle: EvaluationCycle) -> tuple[str, int]:
    """The aggregation level and group that stand for the cycle's cluster: its coalition,
    its call, or (projects chosen by hand) the whole programme."""
    if cycle.coalition_id:
        return COALITION, cycle.coalition_id
    if cycle.call_id:
        return CALL, cycle.call_id
    return PROGRAMME, NO_GROUP


def finding_figures(cycle: EvaluationCycle, findings: list[Any], user: Any) -> dict[int, list[Any]]:
    """For each finding, its indicators with the cluster's figure over all periods, read from
    the one aggregation (`aggregate`) through disclosure control for `user`."""
    # Imported here: disclosure imports this module (its Figures).
    from samskapa.evaluation.disclosure import protected_figures

    ids = {i.pk for f in findings for i in f.indicators.all()}
    if not ids:
        return {f.pk: [] for f in findings}
    protected = protected_figures(user, aggregate(indicator_ids=ids, levels=PUBLISHED_LEVELS))
    level, group = cluster_group(cycle)
    return {
        f.pk: [(i, protected.cell(level, i.pk, group)) for i in f.indicators.all()]
        for f in findings
    }


def cycles_with_findings_for(user: Any) -> QuerySet[EvaluationCycle]:
    """The cycles with findings shared with the cluster that `user` may read: every one for
    admins and evaluators, otherwise those of their projects' and their coalitions' clusters
    (the same as the rule `evaluation.view_findings`), the latest first."""
    qs = EvaluationCycle.objects.filter(findings__shared=True)
    if not user.has_perm("evaluation.view_unsuppressed"):
        coalitions = coalitions_of_staff(user).values("pk")
        qs = qs.filter(
            Q(projects__members__user_id=user.pk)
            | Q(projects__coalition_membership__coalition__in=coalitions)
            | Q(coalition__in=coalitions)
        )
    return (
        EvaluationCycle.objects.filter(pk__in=qs.values("pk"))
        .annotate(finding_count=Count("findings", filter=Q(findings__shared=True)))
        .order_by("-year", "title_sv")
    )


def projects_led_by(user: Any) -> QuerySet[Project]:
    """The projects `user` leads (who state the project's consent to be named)."""
    return (
        Project.objects.filter(members__user_id=user.pk, members__role=MemberRole.LEAD)
        .distinct()
        .order_by("number")
    )
