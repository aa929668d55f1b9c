"""The indicator catalogue, reporting periods, the indicators each project reports on, and the
one store of reported values (per project, indicator and period, with its history).

Samskapa stores figures about groups of people, never data about individual participants.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.enums import FocusArea
from samskapa.evaluation.enums import (
    AGE_FIELDS,
    BREAKDOWN_FIELDS,
    GENDER_FIELDS,
    Aggregation,
    IndicatorKind,
    Level,
    Measure,
    Unit,
    ValueStatus,
)
from samskapa.projects.models import Call, Project


def _in_language(sv: str, en: str) -> str:
    return en if get_language() == "en" and en else sv


class Indicator(models.Model):
    """An entry of the catalogue: what is counted, how, and how it adds up."""

    code = models.CharField(_("code"), max_length=20)
    kind = models.CharField(
        _("kind"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.CENTRE
    )
    name_sv = models.CharField(_("name (Swedish)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250)
    definition_sv = models.TextField(_("definition (Swedish)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    focus_area = models.CharField(
        _("focus area"), max_length=20, choices=FocusArea.choices, blank=True
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    unit = models.CharField(_("unit of count"), max_length=15, choices=Unit.choices)
    measure = models.CharField(_("measure"), max_length=12, choices=Measure.choices)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    aggregation = models.CharField(
        _("how values add up"), max_length=8, choices=Aggregation.choices, default=Aggregation.SUM
    )
    by_gender = models.BooleanField(_("broken down by gender"), default=False)
    by_age = models.BooleanField(_("broken down by age band"), default=False)
    active = models.BooleanField(_("in use"), default=True)
    # A project's own indicator (kind "project"): in the catalogue so that its values live in
    # the one store, but offered to and aggregated for that project only.
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_indicators",
    )

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(project__isnull=True),
                name="evaluation_indicator_code_once",
                violation_error_message=_("The catalogue already has an indicator with this code."),
            ),
            models.UniqueConstraint(
                fields=["project", "code"],
                name="evaluation_own_indicator_code_once",
                violation_error_message=_("The project already has an indicator with this code."),
            ),
            models.CheckConstraint(
                condition=Q(kind=IndicatorKind.PROJECT, project__isnull=False)
                | (~Q(kind=IndicatorKind.PROJECT) & Q(project__isnull=True)),
                name="evaluation_own_indicator_has_project",
            ),
            models.CheckConstraint(
                condition=Q(measure=Measure.COUNT) | Q(by_gender=False, by_age=False),
                name="evaluation_breakdowns_only_for_counts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("evaluation:indicator-edit", args=[self.pk])

    @property
    def name(self) -> str:
        return _in_language(self.name_sv, self.name_en)

    @property
    def definition(self) -> str:
        return _in_language(self.definition_sv, self.definition_en)

    @property
    def is_own(self) -> bool:
        """A project's own indicator, not one of the shared catalogue."""
        return self.kind == IndicatorKind.PROJECT

    @property
    def is_count(self) -> bool:
        return self.measure == Measure.COUNT

    @property
    def is_percentage(self) -> bool:
        return self.measure == Measure.PERCENTAGE

    @property
    def is_qualitative(self) -> bool:
        return self.measure == Measure.QUALITATIVE

    @property
    def adds_latest(self) -> bool:
        return self.aggregation == Aggregation.LATEST

    @property
    def breakdown_fields(self) -> list[str]:
        return (GENDER_FIELDS if self.by_gender else []) + (AGE_FIELDS if self.by_age else [])


class ReportingPeriod(models.Model):
    """A period a call's projects report on. Periods of different calls with the same dates
    are the same period in programme figures. A period without a call is for projects
    outside any call."""

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    name = models.CharField(_("name"), max_length=40, help_text=_("For example 2027 H1."))
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"))
    due = models.DateField(_("report due"))
    locks = models.DateField(_("locked from"))

    class Meta:
        ordering = ["starts", "call__reference"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["call", "starts"], name="evaluation_period_once"),
            models.CheckConstraint(
                condition=Q(ends__gte=F("starts")), name="evaluation_period_dates"
            ),
            models.CheckConstraint(condition=Q(locks__gte=F("due")), name="evaluation_period_lock"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("The period cannot end before it starts.")})
        if self.due and self.locks and self.locks < self.due:
            raise ValidationError({"locks": _("The lock date cannot be before the due date.")})

    def is_open(self, today: datetime.date | None = None) -> bool:
        """Projects may still write values for this period (until its lock date)."""
        return (today or timezone.localdate()) < self.locks

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.due


class ProjectIndicator(models.Model):
    """An indicator a project reports on, with its overall target."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="evaluation_indicators"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="projects"
    )
    target = models.DecimalField(
        _("target"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For a percentage, the target percentage."),
    )

    class Meta:
        ordering = ["indicator__kind", "indicator__code"]
        verbose_name = _("project indicator")
        verbose_name_plural = _("project indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "indicator"], name="evaluation_project_indicator_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project.number} {self.indicator.code}"


class PeriodTarget(models.Model):
    """An optional target for one reporting period, next to the overall target of a project's
    indicator."""

    link = models.ForeignKey(
        ProjectIndicator, on_delete=models.CASCADE, related_name="period_targets"
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("reporting period"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["period__starts"]
        verbose_name = _("target for a period")
        verbose_name_plural = _("targets for periods")
        constraints = [
            models.UniqueConstraint(fields=["link", "period"], name="evaluation_period_target_once")
        ]

    def __str__(self) -> str:
        return f"{self.link} {self.period}"


def _breakdown_sum(fields: list[str]) -> Any:
    expression: Any = None
    for name in fields:
        term = Coalesce(F(name), 0)
        expression = term if expression is None else expression + term
    return expression


class Value(models.Model):
    """What one project reports for one indicator in one period. One row per triple: a
    correction after approval makes a new version (the history keeps the earlier ones)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="values")
    status = models.CharField(
        _("status"), max_length=10, choices=ValueStatus.choices, default=ValueStatus.DRAFT
    )
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    numerator = models.PositiveIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    non_binary = models.PositiveIntegerField(_("non-binary"), null=True, blank=True)
    gender_not_stated = models.PositiveIntegerField(_("gender not stated"), null=True, blank=True)
    age_under_18 = models.PositiveIntegerField(_("under 18"), null=True, blank=True)
    age_18_29 = models.PositiveIntegerField(_("18–29"), null=True, blank=True)
    age_30_54 = models.PositiveIntegerField(_("30–54"), null=True, blank=True)
    age_55_plus = models.PositiveIntegerField(_("55 and over"), null=True, blank=True)
    comment = models.TextField(_("comment from the reviewer"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["period__starts", "indicator__code"]
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "indicator", "period"], name="evaluation_value_once"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=_breakdown_sum(GENDER_FIELDS)) | Q(value__isnull=True),
                name="evaluation_gender_within_total",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=_breakdown_sum(AGE_FIELDS)) | Q(value__isnull=True),
                name="evaluation_age_within_total",
            ),
            models.CheckConstraint(
                condition=Q(numerator__lte=F("denominator"))
                | Q(numerator__isnull=True)
                | Q(denominator__isnull=True),
                name="evaluation_numerator_within_denominator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.number} {self.indicator.code} {self.period.name}"

    @property
    def is_locked(self) -> bool:
        """Approved values are locked: a change is a correction (a new version)."""
        return self.status == ValueStatus.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (ValueStatus.DRAFT, ValueStatus.RETURNED)

    @property
    def is_returned(self) -> bool:
        return self.status == ValueStatus.RETURNED

    @property
    def is_submitted(self) -> bool:
        return self.status == ValueStatus.SUBMITTED

    @property
    def percentage(self) -> float | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator

    def breakdown(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in BREAKDOWN_FIELDS}

    def clean(self) -> None:
        check_value(self, self.indicator)


class Aggregate(models.Model):
    """Stored sums of approved values: per indicator, period (its start date; empty for all
    periods), call and coalition, with the number of projects. Kept in step by
    `services.refresh_aggregates` in the transaction of every approval, return, correction
    and change of a project's call or coalition, and rebuilt by `manage.py
    rebuild_aggregates`; the published levels (programme, call, coalition) are read from here
    in one query (docs/evaluation.md, "Stored aggregates")."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    period_starts = models.DateField(null=True, blank=True)
    # SET_NULL, not CASCADE: a deleted call's or coalition's rows still count at the levels
    # above until the refresh that follows (the membership key has changed).
    call = models.ForeignKey(
        Call, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    coalition = models.ForeignKey(
        "coalitions.Coalition", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    total = models.BigIntegerField(null=True)
    numerator = models.BigIntegerField(null=True)
    denominator = models.BigIntegerField(null=True)
    women = models.BigIntegerField(null=True)
    men = models.BigIntegerField(null=True)
    non_binary = models.BigIntegerField(null=True)
    gender_not_stated = models.BigIntegerField(null=True)
    age_under_18 = models.BigIntegerField(null=True)
    age_18_29 = models.BigIntegerField(null=True)
    age_30_54 = models.BigIntegerField(null=True)
    age_55_plus = models.BigIntegerField(null=True)
    projects = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("stored aggregate")
        verbose_name_plural = _("stored aggregates")
        indexes = [models.Index(fields=["indicator"], name="evaluation_aggregate_indicator")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_starts} {self.call_id} {self.coalition_id}"


class AggregateState(models.Model):
    """One row: the membership of calls and coalitions the stored aggregates were built for
    (`selectors.membership_key`). When a project changes call or coalition the key no longer
    matches: pages compute from the values, and the next refresh rebuilds everything.
    `version` is new on every refresh (random, so that it is never reused, not even after
    the database is reset): what is computed from the stored aggregates alone (disclosure
    control's result, the published figures) is cached under it."""

    membership = models.CharField(max_length=64, blank=True)
    version = models.UUIDField(default=uuid.uuid4)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("state of the stored aggregates")
        verbose_name_plural = _("state of the stored aggregates")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="evaluation_aggregate_state_one_row")
        ]

    def __str__(self) -> str:
        return self.membership


def check_value(value: Any, indicator: Indicator) -> None:
    """The rules a reported value obeys, for the model, the form and the import alike."""
    errors: dict[str, Any] = {}
    if indicator.is_count:
        total = value.value
        for label, fields in ((_("gender"), GENDER_FIELDS), (_("age band"), AGE_FIELDS)):
            parts = [getattr(value, name) for name in fields if getattr(value, name) is not None]
            if parts and (total is None or sum(parts) > total):
                errors[fields[0]] = _(
                    "The breakdown by %(what)s (%(sum)s) exceeds the total (%(total)s)."
                ) % {"what": label, "sum": sum(parts), "total": total if total is not None else 0}
    if indicator.is_percentage and value.numerator is not None and value.denominator is not None:
        if value.denominator == 0:
            errors["denominator"] = _("The denominator must be greater than zero.")
        elif value.numerator > value.denominator:
            errors["numerator"] = _("The numerator cannot be larger than the denominator.")
    if errors:
        raise ValidationError(errors)


# Evaluation cycles live in their own module; imported here so Django finds the models.
from samskapa.evaluation.cycles import (  # noqa: E402, F401
    Code,
    CycleDate,
    EvaluationCycle,
    EvaluationQuestion,
    Excerpt,
)

# Themes, findings and recommendations: their own module too (issue 14, point 3).
from samskapa.evaluation.findings import (  # noqa: E402, F401
    Finding,
    Recommendation,
    RecommendationResponse,
    Theme,
)

# The yearly analysis report and the projects' consent to be named (issue 14, points 4 and 5).
from samskapa.evaluation.reports import (  # noqa: E402, F401
    AnalysisReport,
    NamingConsent,
    ReportVersion,
)

# Surveys of evaluation cycles live in their own module (issue 15).
from samskapa.evaluation.surveys import (  # noqa: E402, F401
    Answer,
    Choice,
    InstrumentVersion,
    Question,
    Response,
    Section,
    Survey,
    Wave,
    WaveLink,
    WaveParticipant,
)
